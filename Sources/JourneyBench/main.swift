// journeymap-bench: inputs for BENCHMARKS.md (bench/render.sh runs the timings).
//   journeymap-bench journey TOUCHPOINTS STAGES OUT.journey   a synthetic journey
//   journeymap-bench d2 JOURNEY OUT.d2                         the same journey as a D2 diagram
//   journeymap-bench parse JOURNEY RUNS                        in-process parse+check, median ms
import Foundation
import JourneyCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(64)
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: journeymap-bench journey|d2|parse …") }

switch args[1] {
case "journey":
    guard args.count == 5, let n = Int(args[2]), let stages = Int(args[3]), n >= stages, stages >= 1 else {
        fail("usage: journeymap-bench journey TOUCHPOINTS STAGES OUT.journey")
    }
    let depts = ["marketing", "sales", "digital", "ops", "care", "finance"]
    let channels = ["web", "app", "email", "phone", "store"]
    let emotions = ["angry", "frustrated", "neutral", "happy", "delighted"]
    var out = "journey bench-\(n) \"Benchmark journey, \(n) touchpoints\" {\n"
    for d in depts { out += "  department \(d) \"\(d.capitalized)\"\n" }
    for c in channels { out += "  channel \(c) \"\(c.capitalized)\"\n" }
    var k = 0
    for s in 0..<stages {
        out += "  stage s\(s) \"Stage \(s + 1)\" {\n"
        let count = n / stages + (s < n % stages ? 1 : 0)
        for _ in 0..<count {
            out +=
                "    touchpoint t\(k) \"Touchpoint \(k) with a realistic title\" { channel \(channels[k % channels.count]); owner \(depts[(k / 3) % depts.count]); emotion \(emotions[(k * 7) % 5])\(k % 11 == 0 ? "; moment of truth" : "") }\n"
            k += 1
        }
        out += "  }\n"
    }
    // A loop back every 10 touchpoints and a skip every 15, as real journeys have.
    for i in stride(from: 10, to: n, by: 10) { out += "  flow t\(i) -> t\(i - 3) \"back\"\n" }
    for i in stride(from: 15, to: n - 2, by: 15) { out += "  flow t\(i) -> t\(i + 2) \"skip\"\n" }
    out += "}\n"
    try! out.write(toFile: args[4], atomically: true, encoding: .utf8)
case "d2":
    guard args.count == 4, let j = JourneyLoader.load(path: args[2]).journey else { fail("usage: journeymap-bench d2 JOURNEY OUT.d2") }
    var out = "direction: right\n"
    for s in j.stages {
        out += "\(s.id): \"\(s.title)\" {\n"
        for t in s.touchpoints { out += "  \(t.id): \"\(t.title)\\n\(t.channel ?? "")\\n\(t.owner ?? "")\"\n" }
        out += "}\n"
    }
    let stageOf = Dictionary(uniqueKeysWithValues: j.touchpoints.map { ($0.id, $0.stageID) })
    for f in j.flows { out += "\(stageOf[f.from]!).\(f.from) -> \(stageOf[f.to]!).\(f.to)\(f.label.map { ": \"\($0)\"" } ?? "")\n" }
    try! out.write(toFile: args[3], atomically: true, encoding: .utf8)
case "parse":
    guard args.count == 4, let runs = Int(args[3]) else { fail("usage: journeymap-bench parse JOURNEY RUNS") }
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let r = JourneyLoader.load(path: args[2])
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        if r.hasErrors { fail("the journey has errors") }
    }
    times.sort()
    print(String(format: "%.1f", times[times.count / 2]))
default:
    fail("unknown command \(args[1])")
}
