import JourneyCore

/// The loop record: what the team did about each follow-up, one CSV row per step
/// (`respondent,touchpoint,status,date,owner,note`), kept in git beside the journey
/// (docs/close-the-loop.md#the-loop-record). The file is untrusted: every field that reaches
/// a message is an escaped excerpt, notes are kept short, and the file's size, row length and
/// row count are bounded.
public struct LoopRecord: Hashable, Sendable {
    /// Where a follow-up stands.
    public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
        /// Recorded, nobody has reached the customer yet.
        case open
        /// Someone spoke to the customer.
        case contacted
        /// The customer's problem is solved.
        case resolved
        /// Tried, and the customer could not be reached (closes the item without a contact).
        case notReachable = "not reachable"

        /// Order along the way: a status may stay or move up, never down.
        public var rank: Int {
            switch self {
            case .open: 0
            case .contacted, .notReachable: 1
            case .resolved: 2
            }
        }

        /// True when someone reached the customer (contacted or resolved).
        public var isContact: Bool { self == .contacted || self == .resolved }
    }

    /// One row of the record.
    public struct Row: Hashable, Sendable {
        /// The respondent id, as in the feedback.
        public var respondent: String
        /// The touchpoint id the follow-up is about.
        public var touchpoint: String
        /// Where it stands.
        public var status: Status
        /// When (yyyy-mm-dd).
        public var date: String
        /// The date as days since 1970-01-01.
        public var day: Int
        /// Who did it (at most 200 characters kept).
        public var owner: String
        /// What was done (at most 500 characters kept).
        public var note: String
        /// The row's first line in the file.
        public var line: Int
    }

    /// The file as given (for messages).
    public var file: String
    /// The rows that could be read, in file order (rows with errors are left out).
    public var rows: [Row]

    /// The header a loop record starts with.
    public static let header = ["respondent", "touchpoint", "status", "date", "owner", "note"]
    /// Largest loop record read: a team's record of calls is far smaller; a bigger file is a mistake.
    public static let maxBytes = 64 << 20
    /// Most rows read.
    public static let maxRows = 200_000
    /// Longest row (a note is a sentence or two, not a document).
    static let maxRowBytes = 1 << 20

    /// An empty record of `file`.
    public init(file: String, rows: [Row] = []) {
        self.file = file
        self.rows = rows
    }

    /// Reads and checks the file on its own: the header, malformed rows, statuses, dates and
    /// duplicates. Checks that need the feedback and the journey (statuses going backwards
    /// included: a new response starts a new case) are `LoopAnalysis.check`'s.
    public static func read(_ source: LoopRecordSource) -> (LoopRecord, [Diagnostic]) {
        let shown = source.resolvedPath
        var record = LoopRecord(file: shown)
        var diagnostics: [Diagnostic] = []
        func fail(_ message: String, line: Int = 1, column: Int = 1) {
            diagnostics.append(Diagnostic(.unreadableLoopRecord, message, at: at(shown, line, column)))
        }
        guard let kind = FileReader.kind(of: shown) else {
            diagnostics.append(
                Diagnostic(
                    .unreadableLoopRecord,
                    "loop record '\(Escape.excerpt(source.path))' not found (looked for '\(Escape.excerpt(shown, limit: 200))'); create it with the header \(header.joined(separator: ","))",
                    at: source.range))
            return (record, diagnostics)
        }
        guard kind == "file" else {
            diagnostics.append(
                Diagnostic(.unreadableLoopRecord, "loop record '\(Escape.excerpt(source.path))' is a \(kind), not a file", at: source.range)
            )
            return (record, diagnostics)
        }
        if let size = FileReader.size(of: shown), size > maxBytes {
            fail("the loop record is \(size >> 20) MiB; at most \(maxBytes >> 20) MiB is read (one row per call made); split or archive it")
            return (record, diagnostics)
        }
        var seen: [[String]: Int] = [:]
        var headerDone = false
        var tooMany = false
        do {
            var reader = try CSVReader(path: shown, delimiter: ",", maxRowBytes: maxRowBytes, maxFields: 64)
            try reader.forEachRow { row in
                if !headerDone {
                    headerDone = true
                    let names = (0..<row.fieldCount).map { row.string($0).trimmingSpaces().lowercased() }
                    if names != header {
                        fail(
                            "the header is '\(Escape.excerpt(names.joined(separator: ",")))'; a loop record starts with \(header.joined(separator: ","))",
                            line: row.line)
                        return false
                    }
                    return true
                }
                if record.rows.count >= maxRows {
                    tooMany = true
                    return false
                }
                if let p = row.problem {
                    let position = row.problemPosition
                    fail("row \(row.line) is malformed (\(describe(p))); the row is not read", line: position.line, column: position.column)
                    return true
                }
                guard row.fieldCount == header.count else {
                    fail(
                        "row \(row.line) has \(row.fieldCount) fields; a loop record row has \(header.count) (\(header.joined(separator: ","))); quote a note that holds commas",
                        line: row.line)
                    return true
                }
                let text = (0..<header.count).map { row.string($0).trimmingSpaces() }
                var ok = true
                func report(_ code: DiagnosticCode, _ message: String, field: Int, notes: [DiagnosticNote] = []) {
                    diagnostics.append(Diagnostic(code, message, at: at(shown, row.line(of: field), row.column(of: field)), notes: notes))
                    ok = false
                }
                if text[0].isEmpty { report(.unknownLoopRespondent, "the respondent id is blank", field: 0) }
                if text[1].isEmpty { report(.unknownLoopTouchpoint, "the touchpoint is blank", field: 1) }
                let status = parseStatus(text[2])
                if status == nil {
                    let names = Status.allCases.map(\.rawValue)
                    report(
                        .unknownLoopStatus,
                        "unknown status '\(Escape.excerpt(text[2]))'\(Suggestion.phrase(for: text[2].lowercased(), in: names)) (statuses: \(names.joined(separator: ", ")))",
                        field: 2)
                }
                let day = CivilDate.day(text[3])
                if day == nil {
                    report(.invalidLoopDate, "date '\(Escape.excerpt(text[3]))' is not a date (YYYY-MM-DD)", field: 3)
                }
                guard ok, let status, let day else { return true }
                let key = [text[0], text[1], status.rawValue, text[3]]
                if let first = seen[key] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicateLoopRow, "the same row as line \(first) (respondent, touchpoint, status and date); it counts once",
                            at: at(shown, row.line, 1), notes: [DiagnosticNote("first here", at: at(shown, first, 1))]))
                    return true
                }
                seen[key] = row.line
                record.rows.append(
                    Row(
                        respondent: text[0], touchpoint: text[1], status: status, date: text[3], day: day,
                        owner: Escape.truncate(text[4], to: 200), note: Escape.truncate(text[5], to: 500), line: row.line))
                return true
            }
        } catch {
            fail("cannot read the loop record: \(error.message)")
        }
        if !headerDone && diagnostics.isEmpty {
            fail("the loop record is empty; it starts with the header \(header.joined(separator: ","))")
        }
        if tooMany {
            fail("the loop record has more than \(maxRows) rows; only the first \(maxRows) are read (archive older years)")
        }
        return (record, diagnostics)
    }

    /// A status as written: case, spaces, `-` and `_` do not matter (`Not_Reachable`).
    static func parseStatus(_ text: String) -> Status? {
        let folded = text.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return Status(rawValue: folded.split(separator: " ").joined(separator: " "))
    }

    /// Statuses going down for one respondent and touchpoint, in date order (file order on one
    /// day). `responses`: the respondent's response dates at each touchpoint, by
    /// `respondent + "\u{0}" + touchpoint`; a response dated after a row and on or before the
    /// next starts a new case, which may start again at `open`.
    public static func backwards(_ record: LoopRecord, responses: [String: [String]] = [:]) -> [Diagnostic] {
        var groups: [String: [Row]] = [:]
        var order: [String] = []
        for r in record.rows {
            let k = r.respondent + "\u{0}" + r.touchpoint
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(r)
        }
        var out: [Diagnostic] = []
        for k in order {
            let rows = groups[k]!.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
            let dates = responses[k] ?? []
            var best = rows[0]
            for r in rows.dropFirst() {
                if dates.contains(where: { $0 > best.date && $0 <= r.date }) {
                    best = r
                } else if r.status.rank < best.status.rank {
                    out.append(
                        Diagnostic(
                            .loopStatusBackwards,
                            "\(Escape.excerpt(r.respondent)) at '\(Escape.excerpt(r.touchpoint))' goes back from \(best.status.rawValue) (\(best.date), line \(best.line)) to \(r.status.rawValue) (\(r.date)) with no new response in between; a new complaint is a new response, not a reopened one",
                            at: at(record.file, r.line, 1),
                            notes: [DiagnosticNote("\(best.status.rawValue) here", at: at(record.file, best.line, 1))]))
                } else {
                    best = r
                }
            }
        }
        return out
    }

    static func describe(_ p: CSVReader.Problem) -> String {
        switch p {
        case .textAfterClosingQuote: "text after a closing quote"
        case .quoteInUnquotedField: "a quote inside an unquoted field; quote the field and double the quote"
        case .invalidUTF8: "invalid UTF-8; save the file as UTF-8"
        case .rowTooLong: "the row is too long"
        }
    }

    /// A point in the record for a message: line and column (1-based).
    public static func at(_ file: String, _ line: Int, _ column: Int) -> SourceRange {
        let l = SourceLocation(line: line, column: column, offset: 0)
        return SourceRange(file: file, start: l, end: l)
    }
}
