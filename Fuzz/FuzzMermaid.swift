// libFuzzer target: the Mermaid importer and the round trip through the journey language.
// Invariants: nothing crashes; an imported diagram resolves; export -> import keeps tasks.
/// libFuzzer's entry point: checks one input against the invariants above; returns 0, as libFuzzer requires.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMermaid(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (file, decodeProblems) = SourceFile.decode(path: "fuzz.mmd", data: Array(UnsafeBufferPointer(start: data, count: size)))
    // `import mermaid` refuses invalid UTF-8 and NUL bytes, so the round trip is only
    // promised for what it accepts.
    guard !decodeProblems.hasErrors, let m = MermaidParser.parse(file).0 else { return 0 }
    let text = MermaidConversion.journeyText(m, fallbackID: "fuzz")
    let loaded = JourneyLoader.load(text: text, path: "/nonexistent-fuzz-root/fuzz.journey")
    guard let j = loaded.journey else {
        if m.tasks.isEmpty { return 0 }
        fatalError("an imported diagram did not resolve: \(loaded.diagnostics.map(\.message))")
    }
    if let back = MermaidParser.parse(SourceFile(path: "back", text: MermaidConversion.mermaid(j))).0,
        back.tasks.map(\.score) != m.tasks.map(\.score)
    {
        fatalError("round trip changed the scores")
    }
    return 0
}
