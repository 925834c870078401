import RegistrarModel
/// How an import runs: the `registrar import` flags.
public struct ImportOptions: Sendable {
    public var asOf: Day
    /// The file is the complete roster at `asOf`: members absent from it are ended on that day.
    public var snapshot = false
    /// A snapshot that would end more than this share of current members is refused (1000 = 10%).
    public var maxLapseBasisPoints = 1000
    /// What the person sets that share with, for the refusal to name: the command's flag, or the
    /// web view's form field.
    public var maxLapseSetting = LapseSetting.flag
    public enum LapseSetting: Sendable { case flag, formField }
    public var dryRun = false
    public var strict = false
    /// Where rejected rows go; nil means next to the input, `NAME.rejects.csv`.
    public var rejectsPath: String?
    public var encoding: EncodingChoice = .auto
    public var mapPath: String?
    /// The language of the reasons written to the rejects file.
    public var language: Language = .en
    /// A first roster, into a registry with no members, may be written straight into the file with
    /// a rollback journal (`FirstLoadJournal`), which keeps other readers waiting until it commits:
    /// the command line's choice; the web view, whose pages go on reading, leaves it off.
    public var firstLoadMayHoldReaders = false

    public init(asOf: Day) {
        self.asOf = asOf
    }
}

/// What an import did; the JSON keys are the public contract (DESIGN.md).
public struct ImportSummary: Sendable, Equatable, Encodable {
    public var read = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    /// Of the rejected rows, those naming a unit member the registry does not have.
    public var rejectedForUnknownUnit = 0
    public var lapsed = 0
    public var dryRun = false
    public var encoding = TextEncoding.utf8.rawValue
    public var unknownColumns: [String] = []
    public var rejectsFile: String?
    public var batch: Int64?
    /// The first rejected rows (line, column, reason; reasons mask identity numbers), for a preview.
    public var firstRejections: [RejectedRow] = []
    /// How many rejected rows `firstRejections` keeps.
    public static let rejectionSampleSize = 20

    package enum CodingKeys: String, CodingKey {
        case read, inserted, updated, unchanged, rejected, lapsed
        case rejectedForUnknownUnit = "rejected_unknown_unit"
        case dryRun = "dry_run"
        case encoding
        case unknownColumns = "unknown_columns"
        case rejectsFile = "rejects_file"
        case batch
    }

    package init(dryRun: Bool = false, encoding: String = TextEncoding.utf8.rawValue) {
        self.dryRun = dryRun
        self.encoding = encoding
    }
}

/// One rejected row of an import, as the rejects file's first three columns give it.
public struct RejectedRow: Sendable, Equatable {
    public var line: Int
    public var column: String?
    public var reason: Text

    package init(line: Int, column: String? = nil, reason: Text) {
        self.line = line
        self.column = column
        self.reason = reason
    }
}

/// Where an import has got to, for a progress line on a terminal.
public struct ImportProgress: Sendable {
    /// What the import is doing: reading rows, then the work after the last row.
    public enum Phase: Sendable, Equatable {
        case rows
        /// Rows in conflict (two for one member, or for one key) came out of member-number order: the
        /// import starts again, reading the file in that order (the count of rows starts again too).
        case readingAgainInOrder
        /// A first import builds the identity index and checks the periods once its rows are in.
        case buildingIndex
        /// Snapshot: ending the memberships the file no longer lists.
        case lapsing
        case committing
    }

    public var rows: Int
    /// The file's bytes up to the end of the last row merged (not those read ahead of it).
    public var bytesRead: Int
    public var totalBytes: Int
    public var phase: Phase = .rows

    package init(rows: Int, bytesRead: Int, totalBytes: Int, phase: Phase = .rows) {
        self.rows = rows
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.phase = phase
    }
}

/// Why an import as a whole did not happen; the database is as it was.
public struct ImportRefusal: UserFacingError, Equatable {
    public var problem: Text
    public func message(_ language: Language) -> String { problem(language) }

    package init(problem: Text) {
        self.problem = problem
    }
}
