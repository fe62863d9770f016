// libFuzzer target: the feedback readers (CSV, JSON Lines, aggregate) and the join.
// Invariants: nothing crashes; every row is accounted for (read = used + rejected +
// unmatched + filtered).
import Foundation

/// libFuzzer's entry point: checks one input against the invariants above; returns 0, as libFuzzer requires.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = "/tmp/journeymap-fuzz-\(getpid()).csv"
    FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size))
    let r = SourceRange.file("fuzz")
    let tps = ["a", "b", "c"].map { Touchpoint(id: $0, title: $0, stageID: "s", owner: "d", range: r) }
    for format in [FeedbackSource.Format.csv, .jsonl, .aggregate] {
        let source = FeedbackSource(
            path: path, resolvedPath: path, format: format,
            categoryRules: [CategoryRule(category: "x", touchpoint: "b", range: r)], range: r)
        let j = Journey(
            id: "f", title: "F", departments: [Department(id: "d", title: "D", range: r)],
            stages: [Stage(id: "s", title: "S", touchpoints: tps, range: r)], feedback: [source],
            sourceFile: "fuzz", range: r)
        let (m, _) = FeedbackJoin.run(j)
        let a = m.accounting
        if a.read != a.used + a.rejected + a.unmatched + a.filtered { fatalError("rows not accounted for: \(a)") }
    }
    return 0
}
