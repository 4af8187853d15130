/** The few closed word classes the entity finder needs: titles, organisation heads, joining words. Curated, short, general. */

/** Titles and jobs written before a name ("Kremlin spokesman Dmitry Peskov"); lower-case, plurals included. */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'presidents', 'president-elect', 'vice-president', 'minister', 'ministers', 'secretary', 'secretary-general', 'spokesman', 'spokeswoman',
  'spokesperson', 'chancellor', 'premier', 'senator', 'sen', 'governor', 'gov', 'mayor', 'chairman', 'chairwoman', 'chairperson', 'chair',
  'director', 'director-general', 'chief', 'ceo', 'leader', 'leaders', 'king', 'queen', 'prince', 'princess', 'pope', 'general', 'gen',
  'judge', 'ambassador', 'envoy', 'commissioner', 'coach', 'manager', 'captain', 'boss', 'editor', 'founder', 'head', 'adviser', 'advisor',
  'lieutenant', 'colonel', 'col', 'sergeant', 'admiral', 'commander', 'congressman', 'congresswoman', 'representative', 'rep', 'mp', 'mep',
  'sheikh', 'ayatollah', 'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam', 'officer', 'official', 'analyst', 'economist', 'executive',
  'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'forward', 'singer', 'actor', 'actress', 'presenter', 'author', 'producer',
  'comedian', 'star', 'champion', 'speaker', 'player', 'counterpart', 'owner', 'partner', 'prosecutor', 'attorney', 'lawyer', 'detective',
]);

/** Words before a name that make it a person without being a role worth showing. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev', 'reverend']);

/** Lower-case words that may sit inside a role ("deputy foreign minister"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'deputy', 'foreign', 'prime', 'vice', 'former', 'chief', 'senior', 'acting', 'interim', 'state', 'interior', 'defence', 'defense', 'finance',
  'health', 'home', 'justice', 'executive', 'press', 'top', 'economy', 'trade', 'energy', 'education', 'culture', 'sports', 'environment',
  'shadow', 'opposition', 'party', 'team', 'national', 'general', 'supreme', 'military', 'security', 'new', 'outgoing', 'incoming', 'first',
]);

/** Last words of organisation names ("International Atomic Energy Agency"), as written. */
export const ORGANISATION_HEADS: ReadonlySet<string> = new Set([
  'Agency', 'Association', 'Authority', 'Bank', 'Board', 'Bureau', 'Church', 'Club', 'College', 'Commission', 'Committee', 'Company', 'Corp',
  'Corporation', 'Council', 'Court', 'Department', 'Federation', 'Foundation', 'Fund', 'Group', 'Holdings', 'Inc', 'Institute', 'Institution',
  'League', 'Ltd', 'LLC', 'plc', 'PLC', 'Ministry', 'Office', 'Organisation', 'Organization', 'Parliament', 'Party', 'Police', 'Service',
  'Services', 'Society', 'Union', 'University', 'Airlines', 'Airways', 'Motors', 'Systems', 'Technologies', 'Network', 'Times', 'Post', 'News',
  'Journal', 'Herald', 'Telegraph', 'Tribune', 'Press', 'Broadcasting', 'Assembly', 'Senate', 'Congress', 'Army', 'Navy', 'Trust', 'Alliance',
  'Coalition', 'Front', 'Movement', 'Brigade', 'Brigades', 'Guard', 'Exchange', 'Reserve', 'Secretariat', 'Tribunal', 'School', 'Academy',
  'Hospital', 'Studios', 'Records', 'Pictures', 'Industries', 'Communications', 'Securities', 'Insurance', 'House', 'Forces', 'Media', 'Nations',
  'Agencies', 'Cabinet', 'Government', 'Monitor', 'Centre', 'Center', 'Labs', 'Laboratories', 'Electronics', 'Entertainment',
]);

/** Small words that may join the parts of an organisation's name ("Bank of England", "Relief and Works Agency"). */
export const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'and', '&', 'de', 'the']);

/** Abbreviations in capitals that are ordinary nouns, not organisations. */
export const COMMON_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'TV', 'PC', 'PCS', 'CEO', 'CFO', 'GDP', 'AM', 'PM', 'OK', 'ID', 'CD', 'CDS', 'DVD', 'DVDS', 'MP', 'MPS', 'MEP', 'MEPS', 'HIV', 'AIDS', 'BC', 'AD', 'FM',
  'AI', 'IT', 'US', 'UK', 'USB', 'GPS', 'SMS', 'MP3', 'HD', 'LCD', 'VAT', 'PR', 'QC', 'DNA', 'IQ', 'IPO', 'CEOS', 'RIP', 'FAQ', 'VIP', 'II', 'III', 'IV',
  'VI', 'VII', 'VIII', 'IX', 'XI', 'XII',
]);

/** First words of place names ("New York", "Los Angeles", "North Atlantic"): such a run is not a person. */
export const PLACE_NAME_STARTS: ReadonlySet<string> = new Set([
  'New', 'Los', 'Las', 'San', 'Santa', 'Saint', 'St', 'Port', 'Fort', 'Lake', 'Mount', 'North', 'South', 'East', 'West', 'Northern',
  'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'Greater', 'Old', 'Great', 'Little', 'Loch', 'Glen', 'Cape', 'Isle', 'Gulf',
]);

/** Last words of places, venues and events ("Wall Street", "Old Trafford" aside): such a run is not a person. */
export const NON_PERSON_ENDS: ReadonlySet<string> = new Set([
  'Street', 'Road', 'Avenue', 'Square', 'Park', 'Bridge', 'Hill', 'Green', 'Isles', 'Island', 'Islands', 'Bay', 'River', 'Valley', 'Lane',
  'Way', 'Stadium', 'Arena', 'Hall', 'Palace', 'Castle', 'Abbey', 'Cathedral', 'Airport', 'Station', 'Ocean', 'Sea', 'Day', 'Awards',
  'Festival', 'Cup', 'Prix', 'Open', 'Championship', 'Championships', 'Games', 'Trophy', 'Show', 'Hunt', 'Gardens', 'Centre', 'Center',
]);

/** English function words: capitalised only because a sentence starts with them ("Her", "This", "After"). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'he', 'she', 'it', 'they', 'we', 'i',
  'you', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'of', 'with', 'without', 'about', 'after', 'before', 'since', 'until', 'during', 'but',
  'and', 'or', 'nor', 'so', 'yet', 'if', 'when', 'while', 'as', 'although', 'though', 'because', 'despite', 'however', 'meanwhile', 'also',
  'both', 'all', 'some', 'many', 'most', 'every', 'each', 'no', 'not', 'there', 'here', 'then', 'now', 'last', 'next', 'only', 'even',
]);
