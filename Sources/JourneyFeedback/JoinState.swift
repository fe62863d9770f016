import JourneyCore

/// The join's running state: touchpoint lookup, accumulators, accounting, and the first few
/// examples of each row problem for the diagnostics.
struct JoinState {
    let journey: Journey
    let options: JoinOptions
    let touchpointIDs: [String]
    var touchpoints = ByteTable()
    var categories = ByteTable()
    var segments = ByteTable()
    var perTouchpoint: [Accumulator]
    var perSegment: [Accumulator] = []
    /// Segment × touchpoint cells, keyed `segment * touchpoint count + touchpoint`; sparse,
    /// so a segment column with many values costs only the cells that occur.
    var perSegmentTouchpoint: [Int: Accumulator] = [:]
    /// Valid rows that match no touchpoint: they still describe the journey as a whole, so
    /// the journey-wide figures (the baseline every touchpoint is compared with) count them.
    var unmatchedValid = Accumulator()
    var accounting = RowAccounting()
    var diagnostics: [Diagnostic] = []
    var examples: [String: Int] = [:]
    var firstDate: Int?
    var lastDate: Int?
    let since: Int?
    let until: Int?

    // Per source.
    var file = ""
    var scales = ResolvedScales()
    var sentimentWords: [[UInt8]: Sentiment] = [:]
    /// Category (lowercased) → (touchpoint, rule order): the first rule written wins.
    var rules: [[UInt8]: (touchpoint: Int, order: Int)] = [:]
    var sourceIndex = 0
    /// `missing` codes of the source, lowercased (blank is always missing).
    var missingCodes: [[UInt8]] = []
    /// The codes that are numbers, compared as numbers.
    var missingNumbers: [Double] = []
    /// Per `missingCodes` entry: is it a number (then it applies to ratings only)?
    var missingCodeIsNumber: [Bool] = []

    // Respondent-level data (JoinState+Respondent.swift).
    /// Some source is wide or names a respondent column: respondents are tracked, groups get
    /// distinct-respondent counts and cluster-robust intervals.
    let respondentMode: Bool
    var respondent = RespondentBuffer()
    /// 0: the journey, then stages, departments, channels, touchpoints, then segments as seen.
    var clusterGroups: [ClusterGroup] = []
    /// Per touchpoint: its cluster groups (stage, department, channel, touchpoint; −1 none).
    let touchpointGroups: [Int]
    let stageGroup: [String: Int]
    let departmentGroup: [String: Int]
    let channelGroup: [String: Int]
    let touchpointGroupBase: Int
    /// Segment id → its cluster group.
    var segmentGroup: [Int] = []
    var partials: [Partial] = []
    var touchedGroups: [Int] = []
    /// Respondent ids seen in this source (hashes), to tell when one person's rows are
    /// not together. Bounded: past `maxTrackedRespondents` the check stops (documented).
    var seenRespondents = Set<UInt64>()
    static let maxTrackedRespondents = 1_000_000
    /// Answers that belong to the journey only (a wide source's NPS outcome).
    var journeyOnly = Accumulator()
    var driverMoments: [String: DriverMoments] = [:]
    var outcomeKinds: [String: OutcomeDeclaration.Kind] = [:]
    /// The source's outcomes and, per outcome, its moments key (nil: skipped).
    var outcomes: [OutcomeDeclaration] = []
    var outcomeMoments: [String?] = []
    /// Column index (CSV) of the respondent id and each outcome; -1 when absent.
    var extraColumns: [String] = []
    /// The journey's tagging rules (JoinState+Tags); nil when it has none, so rows pay nothing.
    var tagging: TagState?
    /// Responses to answer (FollowUp.swift); nil unless `journeymap loop` asked.
    var followUps: FollowUps?
    /// Composite indices (JoinState+Index.swift): per cluster group (the same numbering,
    /// segments mapped by `indexSegmentGroup`); empty when the journey declares none.
    var indexGroups: [IndexMoments] = []
    var indexPartials: [SIMD8<Double>] = []
    var indexTouched: [Int] = []
    var indexSegmentGroup: [Int] = []

    init(journey: Journey, options: JoinOptions, respondentMode: Bool) {
        self.journey = journey
        self.options = options
        self.respondentMode = respondentMode
        touchpointIDs = journey.touchpoints.map(\.id)
        for id in touchpointIDs { _ = touchpoints.intern(id) }
        perTouchpoint = Array(repeating: Accumulator(), count: touchpointIDs.count)
        var next = 1
        var stages: [String: Int] = [:], depts: [String: Int] = [:], chans: [String: Int] = [:]
        for st in journey.stages where stages[st.id] == nil { stages[st.id] = next; next += 1 }
        for tp in journey.touchpoints { if let o = tp.owner, depts[o] == nil { depts[o] = next; next += 1 } }
        for tp in journey.touchpoints { if let c = tp.channel, chans[c] == nil { chans[c] = next; next += 1 } }
        touchpointGroupBase = next
        var groups: [Int] = []
        for (i, tp) in journey.touchpoints.enumerated() {
            groups += [stages[tp.stageID] ?? -1, tp.owner.flatMap { depts[$0] } ?? -1, tp.channel.flatMap { chans[$0] } ?? -1, next + i]
        }
        touchpointGroups = groups
        stageGroup = stages
        departmentGroup = depts
        channelGroup = chans
        if respondentMode {
            let count = next + touchpointIDs.count
            clusterGroups = Array(repeating: ClusterGroup(), count: count)
            partials = Array(repeating: Partial(), count: count)
        }
        since = options.since.flatMap { s in Array(s.utf8).withUnsafeBufferPointer { FieldParsing.date($0) } }
        until = options.until.flatMap { s in Array(s.utf8).withUnsafeBufferPointer { FieldParsing.date($0) } }
        if !journey.tagging.isEmpty { tagging = TagState(journey.tagging) }
        if !journey.indices.isEmpty {
            indexGroups = Array(repeating: IndexMoments(), count: next + touchpointIDs.count)
            indexPartials = Array(repeating: SIMD8<Double>(), count: indexGroups.count)
        }
    }

    /// Longest CSV row or JSON line read, in bytes; a longer one stops the file (`JM302`).
    /// Not in `JoinOptions` on purpose: a public struct that grows leaves stale copies of
    /// `FeedbackJoin.run`'s default argument in incrementally built callers (they crashed).
    var maxRowBytes = 64 << 20
    /// Rows without a date are filtered out (one period's pass, FeedbackPeriods).
    var datedOnly = false
    /// How large files are split over threads (JoinState+Ranges.swift); nil: one pass.
    var rangePlan: RangePlan?
    /// Files read in ranges so far (for tests: proof that the ranges ran).
    var rangedSources = 0
    /// In a range's state: which diagnostics are examples, and of what kind, so that the merge
    /// keeps the first few of each kind over the whole file.
    var exampleLog: [(index: Int, key: String)]?

    var rowSeverity: Severity { options.strict ? .error : .warning }

    /// Reports a finding at a row (or the whole file's first line) with its code's usual severity.
    mutating func report(_ code: DiagnosticCode, _ message: String, line: Int, column: Int = 1, notes: [DiagnosticNote] = []) {
        report(code.severity, code, message, line: line, column: column, notes: notes)
    }

    /// Reports a finding at a row at the given severity (row problems follow `--strict`).
    mutating func report(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, line: Int, column: Int = 1, notes: [DiagnosticNote] = []
    ) {
        let loc = SourceLocation(line: line, column: column, offset: 0)
        diagnostics.append(Diagnostic(severity, code, message, at: SourceRange(file: file, start: loc, end: loc), notes: notes))
    }

    /// Lists the first few rows of each kind of problem; counts the rest.
    mutating func example(_ kind: String, _ severity: Severity, _ code: DiagnosticCode, _ message: String, line: Int, column: Int = 1) {
        let key = file + "\u{0}" + kind
        let seen = examples[key, default: 0]
        examples[key] = seen + 1
        if seen < options.examplesPerReason {
            report(severity, code, message, line: line, column: column)
            exampleLog?.append((diagnostics.count - 1, key))
        }
    }

    mutating func ingest(_ source: FeedbackSource, index: Int) {
        file = source.path == source.resolvedPath ? source.path : source.resolvedPath
        sourceIndex = index
        scales = ResolvedScales()
        if let s = source.scales["nps"] { scales.nps = s }
        if let s = source.scales["csat"] { scales.csat = s }
        if let s = source.scales["ces"] { scales.ces = s }
        sentimentWords = Dictionary(uniqueKeysWithValues: source.sentimentWords.map { (Array($0.key.lowercased().utf8), $0.value) })
        rules = [:]
        for (order, rule) in source.categoryRules.enumerated() {
            let key = Array(rule.category.lowercased().utf8)
            // The first rule for a category wins (the resolver warns about the others).
            if rules[key] == nil, let i = touchpointIDs.firstIndex(of: rule.touchpoint) { rules[key] = (i, order) }
        }
        missingCodes = source.missingValues.map { Array($0.lowercased().utf8) }
        let numbers = missingCodes.map { code in
            code.withUnsafeBufferPointer { b -> Double? in
                if case .value(let v) = FieldParsing.number(b) { return v }
                return nil
            }
        }
        missingNumbers = numbers.compactMap { $0 }
        missingCodeIsNumber = numbers.map { $0 != nil }
        beginSource(source)
        defer { endSource() }
        let kind = FileReader.kind(of: source.resolvedPath)
        guard kind == "file" else {
            let why = kind.map { "it is a \($0), not a data file" } ?? "no such file"
            diagnostics.append(Diagnostic(.unreadableFeedback, "cannot read feedback '\(source.path)': \(why)", at: source.range))
            return
        }
        let format = source.format ?? (source.resolvedPath.hasSuffix(".jsonl") || source.resolvedPath.hasSuffix(".ndjson") ? .jsonl : .csv)
        switch format {
        case .csv: ingestCSV(source, aggregate: false)
        case .aggregate: ingestCSV(source, aggregate: true)
        case .jsonl: ingestJSONLines(source)
        case .wide: ingestWide(source)
        case .moments: ingestMoments(source)
        }
    }

    func finish() -> (JourneyMeasurements, [Diagnostic]) {
        var m = JourneyMeasurements()
        var byStage: [String: Accumulator] = [:]
        var byDept: [String: Accumulator] = [:]
        var byChannel: [String: Accumulator] = [:]
        var all = Accumulator()
        func clusters(_ g: Int?) -> ClusterGroup? {
            guard respondentMode, let g, g >= 0, g < clusterGroups.count else { return nil }
            return clusterGroups[g]
        }
        func metrics(_ a: Accumulator, _ g: Int?) -> Metrics {
            a.metrics(categoryNames: categories, smallSample: options.smallSample, clusters: clusters(g))
        }
        for (i, tp) in journey.touchpoints.enumerated() {
            let a = perTouchpoint[i]
            guard a.rows > 0 else { continue }
            m.byTouchpoint[tp.id] = metrics(a, touchpointGroupBase + i)
            byStage[tp.stageID, default: Accumulator()].merge(a)
            if let o = tp.owner { byDept[o, default: Accumulator()].merge(a) }
            if let c = tp.channel { byChannel[c, default: Accumulator()].merge(a) }
            all.merge(a)
        }
        m.byStage = Dictionary(uniqueKeysWithValues: byStage.map { ($0.key, metrics($0.value, stageGroup[$0.key])) })
        m.byDepartment = Dictionary(uniqueKeysWithValues: byDept.map { ($0.key, metrics($0.value, departmentGroup[$0.key])) })
        m.byChannel = Dictionary(uniqueKeysWithValues: byChannel.map { ($0.key, metrics($0.value, channelGroup[$0.key])) })
        for (i, a) in perSegment.enumerated() where a.rows > 0 {
            m.bySegment[String(decoding: segments.key(i), as: UTF8.self)] = metrics(a, i < segmentGroup.count ? segmentGroup[i] : nil)
        }
        for (key, a) in perSegmentTouchpoint where a.rows > 0 {
            let (s, t) = key.quotientAndRemainder(dividingBy: max(1, touchpointIDs.count))
            m.bySegmentTouchpoint[String(decoding: segments.key(s), as: UTF8.self), default: [:]][touchpointIDs[t]] = metrics(a, nil)
        }
        all.merge(unmatchedValid)
        all.merge(journeyOnly)
        m.journey = metrics(all, 0)
        if !indexGroups.isEmpty { addIndices(to: &m) }
        m.driverMoments = driverMoments
        m.outcomeKinds = outcomeKinds
        m.firstDate = firstDate.map(FieldParsing.dateString)
        m.lastDate = lastDate.map(FieldParsing.dateString)
        m.accounting = accounting
        m.tagging = tagging?.summary
        m.accounting.isRespondentLevel = respondentMode
        if !respondentMode {
            // Every row is its own respondent and its own rating.
            var t = RowAccounting.Tally()
            (t.read, t.used, t.rejected, t.unmatched, t.filtered) = (
                accounting.read, accounting.used, accounting.rejected, accounting.unmatched, accounting.filtered
            )
            m.accounting.respondents = t
            m.accounting.ratings = t
        }
        var diags = diagnostics
        if !indexGroups.isEmpty { diags += indexDiagnostics() }
        // Counts beyond the listed examples.
        for (key, n) in examples.sorted(by: { $0.key < $1.key }) where n > options.examplesPerReason {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            let f = parts[0]
            diags.append(
                Diagnostic(
                    .moreRowsLikeThese, "\(n - options.examplesPerReason) more rows like the above: \(parts.count > 1 ? parts[1] : "")",
                    at: .file(f)))
        }
        return (m, diags)
    }
}
