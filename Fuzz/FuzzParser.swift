// libFuzzer target: the journey lexer, parser, resolver and formatter.
// Invariants: nothing crashes; formatting formatted text changes nothing.
/// libFuzzer's entry point: checks one input against the invariants above; returns 0, as libFuzzer requires.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (file, _) = SourceFile.decode(path: "fuzz.journey", data: bytes)
    _ = JourneyLoader.load(text: file.text, path: "/nonexistent-fuzz-root/fuzz.journey")
    if let once = Formatter().format(file).text {
        let twice = Formatter().format(SourceFile(path: "fuzz.journey", text: once)).text
        if twice != once { fatalError("formatter is not idempotent") }
    }
    return 0
}
