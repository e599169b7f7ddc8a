"""The fact ledger: facts per report in SQLite, linked across weeks, with derived views.

extract.py     all facts of one report (pure function of the report and its date)
  mentions.py    where a project is talked about, and under what name
    mention_layout.py  found over the report's layout: sections, bullets, tables, paragraphs
      section_kinds.py which sections are one project, which hold several, which lines speak for a record
      item_kinds.py    which bullets are a project's own line, not a step or a note under one
    mention_leads.py   how a line opens with a name, and whether it speaks of a schedule
  observe.py     a mention -> Observation (progress, target, status, owner) with evidence
  signals.py     status words (negation aware), a field's status, the status a heading gives
    status_signs.py  a status cell's signs and words: emoji shortcodes, legends, RAG letters, ticked boxes
  progress.py    progress figures (%, fractions, words) vs metric %
  field_labels.py  field labels (`Label: rest`, a line's fields) and owners
  when.py        date expressions resolved against the report date (zh and en)
  targets.py     which dates are targets, old targets or completions
  target_cues.py the words that say so (cues before and after a date), apart from how they are read
  ordinal_targets.py  targets that are sprints, cycles or versions
  blocks.py      a section's paragraphs, items and table rows with their line spans
  incidents.py   incidents: when, duration, impact, cause, fix, severity
  incident_blocks.py incidents told anywhere, by their own words; one per event in a report
  incident_fields.py an incident's day, duration, severity, impact, cause, fix and title as written
  incident_words.py  the vocabulary of incidents (and what takes a word back), tracker ids
  metrics.py     metric values from metrics sections, lines, tables and prose
  metric_read.py name-value pairs in a line; in prose a lone figure is tentative
  metric_naming.py  a metric's name from the words before its value; which words name a metric
  metric_labels.py  `Label: <figure>` lines, the figure under its label
  metric_tentative.py whether a lone figure is worth keeping as a candidate metric
  metric_figures.py figures before what they count (`412 open issues`), tentative
  notes.py       risks, asks, next-week plans
  evidence.py    citations that the verifier accepts
store.py       `Ledger`: SQLite, per-report replacement by content hash
  schema.py      the versioned schema and its migrations
  fact_rows.py   facts as table rows and back
complete.py    a model's verified facts reduced to what the rules left empty (`ingest --extract`)
identity.py    project names linked across weeks (rules, aliases.toml, optional embeddings),
               each name compared only with the names it shares a block with, in its own series
  name_rules.py  whether two names may be one project (containment, abbreviations, versions)
  name_blocks.py the blocks a name is filed under and compared within
  name_stats.py  `NameStat`, `AliasConfig` (aliases.toml), one team's names, the canonical spelling
  name_joins.py  groups joined by tracker key, announced rename, batch or embedding
derive.py      at ingest: identity, timelines, slips, launches, lifecycle, incidents and metric
               series keys stored in indexed tables, recomputed for what changed
slips.py       slips, launches and lifecycle events from one project's observations
incident_links.py  one incident told in several reports: ids, days, a retelling's words
retellings.py  the same, comparing each incident only with the tellings it could retell
metric_links.py    one team's two names for one metric (`blended CAC` / `CAC`); tentative
                   points kept only when their metric recurs
views.py       the public functions, reading the derived tables with filters: slips, launches,
               incidents, notes, metric_series, timeline, projects, changes; written in
  view_rows.py     `Row`, `NotInLedger` and the SQL pieces every view shares
  view_reports.py  reports, resolving one, and what changed between two
  view_names.py    project names and aliases, projects, observations, timelines
  view_slips.py    slips, launches, lifecycle events
  view_facts.py    incidents, notes, metric series
"""
