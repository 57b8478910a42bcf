/// The local database's schema, as numbered migrations (applied by `Database.open(as:allowNew:)`).
enum Schema {
  typealias Migration = FileSchema.Migration

  static let file = FileSchema(
    applicationID: LocalStore.applicationID, noun: "database", migrations: migrations)

  static var latestVersion: Int { file.latestVersion }

  static let migrations: [Migration] = [
    Migration(version: 1, name: "members, plans and visits", sql: version1),
    Migration(version: 2, name: "name prefixes of up to six letters", sql: version2),
    Migration(version: 3, name: "name words in every script", sql: version3),
    Migration(version: 4, name: "a day's visits counted from an index", sql: version4),
  ]

  /// Keep the name index in step with `customers`. A bulk import drops them, writes, rebuilds the
  /// index in one pass (twenty times faster than row by row) and creates them again.
  static let nameIndexTriggers = """
    CREATE TRIGGER customers_index_insert AFTER INSERT ON customers BEGIN
      INSERT INTO customer_names (rowid, search_name) VALUES (new.id, new.search_name);
    END;
    CREATE TRIGGER customers_index_delete AFTER DELETE ON customers BEGIN
      INSERT INTO customer_names (customer_names, rowid, search_name)
        VALUES ('delete', old.id, old.search_name);
    END;
    CREATE TRIGGER customers_index_update AFTER UPDATE OF search_name ON customers BEGIN
      INSERT INTO customer_names (customer_names, rowid, search_name)
        VALUES ('delete', old.id, old.search_name);
      INSERT INTO customer_names (rowid, search_name) VALUES (new.id, new.search_name);
    END;
    """

  /// How the name index splits a folded name into words: at spaces only. `SearchText` separates
  /// words with a single space and keeps only letters, digits and emoji, so the index holds exactly
  /// its words. unicode61's default (letters, numbers) would split a word at a vowel sign such as
  /// Devanagari ा, and a query word split in two is a phrase, which `detail = none` refuses.
  static let nameTokenizer = "\"unicode61 remove_diacritics 0 categories 'L* M* N* P* S* C*'\""

  /// What schemas 1 and 2 used; kept so their migrations still say what they did.
  static let lettersAndNumbersTokenizer = "'unicode61 remove_diacritics 0'"

  /// The name index over `customers`, with FTS5 prefix indexes of the lengths in `prefixes`.
  static func nameIndex(prefixes: String, tokenizer: String = nameTokenizer) -> String {
    """
    CREATE VIRTUAL TABLE customer_names USING fts5 (
      search_name,
      content = 'customers', content_rowid = 'id',
      tokenize = \(tokenizer),
      prefix = '\(prefixes)', detail = none
    );
    """
  }

  static let dropNameIndexTriggers = """
    DROP TRIGGER customers_index_insert;
    DROP TRIGGER customers_index_delete;
    DROP TRIGGER customers_index_update;
    """

  // Names follow the backend's tables. Times are milliseconds since 1970 (UTC) so they compare as
  // integers; days are `YYYY-MM-DD` text so they compare as text.
  private static let version1 = """
    -- Facts about the file itself (e.g. that it holds demo data).
    CREATE TABLE station_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE branches (
      id   INTEGER PRIMARY KEY,
      name TEXT NOT NULL
    );

    CREATE TABLE customers (
      id            INTEGER PRIMARY KEY,
      full_name     TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
      -- The folded name the search index holds (see SearchText.normalized).
      search_name   TEXT NOT NULL,
      phone         TEXT,
      -- Digits of the phone, forwards and reversed, so both "starts with" and "ends with" searches
      -- are index range scans.
      phone_digits  TEXT,
      phone_reverse TEXT,
      -- Codes are matched without regard to case: a scanner with Caps Lock on inverts it.
      qr_code       TEXT COLLATE NOCASE UNIQUE,
      branch_id     INTEGER NOT NULL REFERENCES branches (id),
      is_active     INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
      date_of_birth TEXT,
      notes         TEXT
    );
    CREATE INDEX customers_by_phone ON customers (phone_digits) WHERE phone_digits IS NOT NULL;
    CREATE INDEX customers_by_phone_end ON customers (phone_reverse) WHERE phone_reverse IS NOT NULL;

    \(nameIndex(prefixes: "1 2 3", tokenizer: lettersAndNumbersTokenizer))
    \(nameIndexTriggers)

    CREATE TABLE subscriptions (
      id            INTEGER PRIMARY KEY,
      customer_id   INTEGER NOT NULL REFERENCES customers (id),
      kind          TEXT NOT NULL CHECK (kind IN ('sessions', 'coins', 'time')),
      status        TEXT NOT NULL CHECK (status IN ('active', 'frozen', 'stopped', 'expired')),
      total         INTEGER CHECK (total >= 0),
      remaining     INTEGER CHECK (remaining >= 0),
      start_date    TEXT,
      end_date      TEXT,
      service_name  TEXT,
      freeze_reason TEXT,
      -- Counted plans always know what is left; time plans have nothing to count.
      CHECK ((kind = 'time') = (remaining IS NULL))
    );
    CREATE INDEX subscriptions_by_customer ON subscriptions (customer_id);

    CREATE TABLE attendance (
      id               INTEGER PRIMARY KEY,
      customer_id      INTEGER NOT NULL REFERENCES customers (id),
      subscription_id  INTEGER REFERENCES subscriptions (id),
      branch_id        INTEGER NOT NULL REFERENCES branches (id),
      check_in_time    INTEGER NOT NULL,
      action           TEXT NOT NULL
                       CHECK (action IN ('check_in_only', 'check_in_with_deduction')),
      deducted         INTEGER NOT NULL DEFAULT 0 CHECK (deducted >= 0),
      station          TEXT NOT NULL,
      voided_at        INTEGER,
      -- A visit staff allowed despite a refusal: which refusal, and why.
      override_refusal TEXT,
      override_reason  TEXT,
      CHECK ((override_refusal IS NULL) = (override_reason IS NULL)),
      CHECK (deducted = 0 OR subscription_id IS NOT NULL)
    );
    -- The last visit of a member (duplicate guard, pane) is one seek into this partial index.
    CREATE INDEX attendance_visits ON attendance (customer_id, check_in_time)
      WHERE voided_at IS NULL;
    CREATE INDEX attendance_by_branch ON attendance (branch_id, check_in_time);
    """

  // FTS5 answers a prefix from its own prefix index by reading only the first hits; a longer
  // prefix makes it merge the full list of every word that starts with it first ("mans" → every
  // Mansour: 4 ms at a million members). Prefixes up to six letters — a receptionist's typing
  // before the list is short — cost 4 MB more at a million members.
  private static let version2 = """
    DROP TABLE customer_names;
    \(nameIndex(prefixes: "1 2 3 4 5 6", tokenizer: lettersAndNumbersTokenizer))
    INSERT INTO customer_names (customer_names) VALUES ('rebuild');
    """

  // The stored folded names are re-indexed as they are; names whose folding changed with this
  // program (emoji) are folded again when LocalStore opens the file (`refoldNamesIfStale`). An
  // older program refuses a version-3 file, so it never stores a name folded its way here.
  private static let version3 = """
    DROP TABLE customer_names;
    \(nameIndex(prefixes: "1 2 3 4 5 6"))
    INSERT INTO customer_names (customer_names) VALUES ('rebuild');
    """

  // Today's count and hourly figures read only this index (no visit rows), so a day of
  // thousands costs a fraction of a millisecond and the panel is never capped by a list.
  // `voided_at` is always NULL in it, but without the column SQLite would visit each row to
  // check the partial index's own condition.
  private static let version4 = """
    CREATE INDEX attendance_counted ON attendance (branch_id, check_in_time, voided_at)
      WHERE voided_at IS NULL;
    """
}
