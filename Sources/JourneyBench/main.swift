// journeymap-bench: inputs for BENCHMARKS.md (bench/render.sh runs the timings).
//   journeymap-bench journey TOUCHPOINTS STAGES OUT.journey [CROSSING]
//                                                             a synthetic journey; CROSSING adds
//                                                             that many flows between random
//                                                             touchpoints of two stages (fixed seed)
//   journeymap-bench d2 JOURNEY OUT.d2                         the same journey as a D2 diagram
//   journeymap-bench parse JOURNEY RUNS                        in-process parse+check, median ms
//   journeymap-bench map JOURNEY RUNS                          in-process map phases, median ms:
//                                                             build (per-stage layouts for a large
//                                                             journey), final layout + SVG
import Foundation
import JourneyCore
import JourneyGraphviz
import JourneyRender

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(64)
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: journeymap-bench journey|d2|parse …") }

switch args[1] {
case "journey":
    guard args.count == 5 || args.count == 6, let n = Int(args[2]), let stages = Int(args[3]), n >= stages, stages >= 1,
        let crossing = args.count == 6 ? Int(args[5]) : 0, crossing >= 0
    else {
        fail("usage: journeymap-bench journey TOUCHPOINTS STAGES OUT.journey [CROSSING]")
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
    // Flows across stages, forwards and back, half of them labelled (a fixed LCG: same file every run).
    var stageOf: [Int] = []
    for s in 0..<stages { stageOf += Array(repeating: s, count: n / stages + (s < n % stages ? 1 : 0)) }
    var seed: UInt64 = 17
    func next(_ bound: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(bound))
    }
    var added = 0
    while added < crossing, stages > 1 {
        let a = next(n), b = next(n)
        guard stageOf[a] != stageOf[b] else { continue }
        out += "  flow t\(a) -> t\(b)\(added % 2 == 0 ? " \"cross \(added)\"" : "")\n"
        added += 1
    }
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
case "map":
    guard args.count == 4, let runs = Int(args[3]), let j = JourneyLoader.load(path: args[2]).journey else {
        fail("usage: journeymap-bench map JOURNEY RUNS")
    }
    func ms(_ since: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - since) / 1e6 }
    var build: [Double] = [], render: [Double] = []
    for _ in 0..<runs {
        var start = DispatchTime.now().uptimeNanoseconds
        let spec = MapBuilder.build(j)
        build.append(ms(start))
        start = DispatchTime.now().uptimeNanoseconds
        guard (try? GraphvizRenderer.render(spec, formats: [.svg])) != nil else { fail("the map did not render") }
        render.append(ms(start))
    }
    build.sort()
    render.sort()
    print(
        String(
            format: "build %.0f ms, layout+svg %.0f ms (engine %@)", build[runs / 2], render[runs / 2], MapBuilder.build(j).engine.rawValue)
    )
default:
    fail("unknown command \(args[1])")
}
