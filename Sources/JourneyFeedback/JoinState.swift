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
    var rules: [[UInt8]: Int] = [:]
    var sourceIndex = 0

    init(journey: Journey, options: JoinOptions) {
        self.journey = journey
        self.options = options
        touchpointIDs = journey.touchpoints.map(\.id)
        for id in touchpointIDs { _ = touchpoints.intern(id) }
        perTouchpoint = Array(repeating: Accumulator(), count: touchpointIDs.count)
        since = options.since.flatMap { s in Array(s.utf8).withUnsafeBufferPointer { FieldParsing.date($0) } }
        until = options.until.flatMap { s in Array(s.utf8).withUnsafeBufferPointer { FieldParsing.date($0) } }
    }

    var rowSeverity: Severity { options.strict ? .error : .warning }

    mutating func report(_ severity: Severity, _ code: String, _ message: String, line: Int, column: Int = 1, notes: [DiagnosticNote] = []) {
        let loc = SourceLocation(line: line, column: column, offset: 0)
        diagnostics.append(Diagnostic(severity, code: code, message, at: SourceRange(file: file, start: loc, end: loc), notes: notes))
    }

    /// Lists the first few rows of each kind of problem; counts the rest.
    mutating func example(_ kind: String, _ severity: Severity, _ code: String, _ message: String, line: Int, column: Int = 1) {
        let key = file + "\u{0}" + kind
        let seen = examples[key, default: 0]
        examples[key] = seen + 1
        if seen < options.examplesPerReason { report(severity, code, message, line: line, column: column) }
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
        for rule in source.categoryRules {
            if let i = touchpointIDs.firstIndex(of: rule.touchpoint) { rules[Array(rule.category.lowercased().utf8)] = i }
        }
        let kind = FileReader.kind(of: source.resolvedPath)
        guard kind == "file" else {
            let why = kind.map { "it is a \($0), not a data file" } ?? "no such file"
            diagnostics.append(Diagnostic(.error, code: "JM300", "cannot read feedback '\(source.path)': \(why)", at: source.range))
            return
        }
        let format = source.format ?? (source.resolvedPath.hasSuffix(".jsonl") || source.resolvedPath.hasSuffix(".ndjson") ? .jsonl : .csv)
        switch format {
        case .csv: ingestCSV(source, aggregate: false)
        case .aggregate: ingestCSV(source, aggregate: true)
        case .jsonl: ingestJSONLines(source)
        }
    }

    func finish() -> (JourneyMeasurements, [Diagnostic]) {
        var m = JourneyMeasurements()
        var byStage: [String: Accumulator] = [:]
        var byDept: [String: Accumulator] = [:]
        var byChannel: [String: Accumulator] = [:]
        var all = Accumulator()
        for (i, tp) in journey.touchpoints.enumerated() {
            let a = perTouchpoint[i]
            guard a.rows > 0 else { continue }
            m.byTouchpoint[tp.id] = a.metrics(scales: scales, categoryNames: categories, smallSample: options.smallSample)
            byStage[tp.stageID, default: Accumulator()].merge(a)
            if let o = tp.owner { byDept[o, default: Accumulator()].merge(a) }
            if let c = tp.channel { byChannel[c, default: Accumulator()].merge(a) }
            all.merge(a)
        }
        func metrics(_ a: Accumulator) -> Metrics { a.metrics(scales: scales, categoryNames: categories, smallSample: options.smallSample) }
        m.byStage = byStage.mapValues(metrics)
        m.byDepartment = byDept.mapValues(metrics)
        m.byChannel = byChannel.mapValues(metrics)
        for (i, a) in perSegment.enumerated() where a.rows > 0 {
            m.bySegment[String(decoding: segments.key(i), as: UTF8.self)] = metrics(a)
        }
        all.merge(unmatchedValid)
        m.journey = metrics(all)
        m.firstDate = firstDate.map(FieldParsing.dateString)
        m.lastDate = lastDate.map(FieldParsing.dateString)
        m.accounting = accounting
        var diags = diagnostics
        // Counts beyond the listed examples.
        for (key, n) in examples.sorted(by: { $0.key < $1.key }) where n > options.examplesPerReason {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            let f = parts[0]
            diags.append(Diagnostic(.note, code: "JM321", "\(n - options.examplesPerReason) more rows like the above: \(parts.count > 1 ? parts[1] : "")", at: .file(f)))
        }
        return (m, diags)
    }
}
