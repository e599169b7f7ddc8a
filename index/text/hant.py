"""Traditional Chinese read as Simplified, one character for one.

Reports from Taiwan and Hong Kong write 週報, 專案, 進度, 燈號, 無異常; every rule, heading word and
status word here is written in Simplified characters, so a Traditional report read as written
matched none of them ("本週無異常事件" was an incident). The loader folds each line with this
table, so extractors, chunks, answers and the verifier all read the same text, as they do for
full-width digits; a quote shows the Simplified form of the author's line, at the same line.

Only characters that Simplified text does not itself use are folded (著 stays: 显著), and one
character always becomes one, so a line keeps its length and its column alignment.
"""

from __future__ import annotations

_TRADITIONAL = (
    "佈來係個們備傳價儀億償優儲兌兒內兩冊凍別則剛剝劃劇劍勁動務勝勞勢勵勸匯區協卻參収員問啟單嗎嚴國圍圖報場壓壞壯壽夢夥奪奮婦"
    "媽嬰孫學實寧審寫寬寶將專尋對導屆層屬嶺帳幣幫庫廠廢廣廳張彈彎後徑從復徵徹恆惡惱愛態慣慮慶憂憑應懶懷懸戰戲戶拋挾捨掃掛採揀"
    "換損搶摑撐撥擁擇擊擋擔據擠擬擴擺擾攔攜攝攤敗敘敵數斂斷於昇時暈暢暫曆曉書會東條業極構槍樂樓標樞樣樹橋機檔檢櫃權歐歡歲歷歸"
    "殘殺殼毀氣決況減測準溝滯滲滾滿漁漢漲潔潛澤濃濕濟濾灘灣災為無煙燈燒營燦爐爛爭犧狀猶猻獄獎獨獲獻現瑣瑪環璽瓊產畢畫異當療癒"
    "發盜盡監盤眾睏碩確碼磚礎礙礦禍禦禮稅種稱穀穩窩窮竊競筆節範築簡簽籃籌籤粵糞糧糾紀約紅紋納紐純紗紙級紛紮細紹終組結絕絞絡給"
    "統絲綁經綜綠綢維網緊緒線締緣編緩緯練縣縫縮總績織繞繩繪繼續纖罈罰罷羅義習聖聞聯聰聲聳職聽肅脅脫腎腦腳膚膽臉臨臺與興舉舊艙"
    "艦艱艷莊華萊萬葉蓋蔣蕭薦薩藍藝藥蘆蘇蘋蘭處虛號蝕蝦螢蟲衆術衛衝補裝裡製複褲襯襲見規視親覺覽觀觸訂計訊討訓託記訪設許訴診註"
    "詢試話詳誇誌認語誠誤說誰課調談請論諸諾謀謊謝證識譜譯議護譽讀變讓讚豎豐貓貝負財貢貨販貫責貳貴買貸費貼賀資賓賞賠賣賦質賬賴"
    "賺購贈贊贏贖趕趙趨跡蹟蹤躍車軌軍軟軸較載輔輕輛輩輪輯輸輻轄轉轟辦辭辯農逕這連週進遊運達違遙遜遞遠適遲遷選遺還邊郵鄉鄧鄭鄰"
    "醜醞醫釀釋釘針釣鈔鈕鈴鉛銀銅銳銷鋁鋼錄錢錦錯錶鍊鍋鍵鎖鎮鏈鏡鏢鐘鐵鑄鑑鑰鑽長門閃閉開閒間閘閣閥閱闆闊闖關闡陣陰陳陸陽隊階"
    "際隨險隱隸隻雖雙雛雜雞離難雲電霧靂靈靜韌韓響頁頂項順須頌預頒頓頗領頭頰頸頻顆題額顏願類顧顯風颱颳飄飛飯飲餓餘館饋馬駐駕駛"
    "騎驅驗驚驟骯體髮鬆鬥鬧魚魯鮮鱗鳥鴻鹽麗麥麵麼黃點黨齊齒齡龍龜幾並僅儘邏夠綫裏"
)
_SIMPLIFIED = (
    "布来系个们备传价仪亿偿优储兑儿内两册冻别则刚剥划剧剑劲动务胜劳势励劝汇区协却参收员问启单吗严国围图报场压坏壮寿梦伙夺奋妇"
    "妈婴孙学实宁审写宽宝将专寻对导届层属岭账币帮库厂废广厅张弹弯后径从复征彻恒恶恼爱态惯虑庆忧凭应懒怀悬战戏户抛挟舍扫挂采拣"
    "换损抢掴撑拨拥择击挡担据挤拟扩摆扰拦携摄摊败叙敌数敛断于升时晕畅暂历晓书会东条业极构枪乐楼标枢样树桥机档检柜权欧欢岁历归"
    "残杀壳毁气决况减测准沟滞渗滚满渔汉涨洁潜泽浓湿济滤滩湾灾为无烟灯烧营灿炉烂争牺状犹狲狱奖独获献现琐玛环玺琼产毕画异当疗愈"
    "发盗尽监盘众困硕确码砖础碍矿祸御礼税种称谷稳窝穷窃竞笔节范筑简签篮筹签粤粪粮纠纪约红纹纳纽纯纱纸级纷扎细绍终组结绝绞络给"
    "统丝绑经综绿绸维网紧绪线缔缘编缓纬练县缝缩总绩织绕绳绘继续纤坛罚罢罗义习圣闻联聪声耸职听肃胁脱肾脑脚肤胆脸临台与兴举旧舱"
    "舰艰艳庄华莱万叶盖蒋萧荐萨蓝艺药芦苏苹兰处虚号蚀虾萤虫众术卫冲补装里制复裤衬袭见规视亲觉览观触订计讯讨训托记访设许诉诊注"
    "询试话详夸志认语诚误说谁课调谈请论诸诺谋谎谢证识谱译议护誉读变让赞竖丰猫贝负财贡货贩贯责贰贵买贷费贴贺资宾赏赔卖赋质账赖"
    "赚购赠赞赢赎赶赵趋迹迹踪跃车轨军软轴较载辅轻辆辈轮辑输辐辖转轰办辞辩农迳这连周进游运达违遥逊递远适迟迁选遗还边邮乡邓郑邻"
    "丑酝医酿释钉针钓钞钮铃铅银铜锐销铝钢录钱锦错表炼锅键锁镇链镜镖钟铁铸鉴钥钻长门闪闭开闲间闸阁阀阅板阔闯关阐阵阴陈陆阳队阶"
    "际随险隐隶只虽双雏杂鸡离难云电雾雳灵静韧韩响页顶项顺须颂预颁顿颇领头颊颈频颗题额颜愿类顾显风台刮飘飞饭饮饿余馆馈马驻驾驶"
    "骑驱验惊骤肮体发松斗闹鱼鲁鲜鳞鸟鸿盐丽麦面么黄点党齐齿龄龙龟几并仅尽逻够线里"
)
_FOLD = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def simplified(text: str) -> str:
    """The text with its Traditional characters written Simplified."""
    return text.translate(_FOLD)
