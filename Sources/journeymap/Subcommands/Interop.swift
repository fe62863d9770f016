import ArgumentParser
import JourneyCore
import JourneyGraphviz
import JourneyRender
import JourneyWorkflow

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a Mermaid `journey` diagram into a .journey file.",
        discussion:
            "Sections become stages, tasks touchpoints, actors personas; scores 1..5 map onto emotions -2..+2. A score that is not a whole number from 1 to 5 is an error with its line and column."
    )

    @Argument(help: "The source format (mermaid).", completion: .list(["mermaid"]))
    var from: String

    @Argument(help: "The Mermaid file (.mmd).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the journey here (default: standard output).")
    var output: String?

    func validate() throws {
        guard from == "mermaid" else { throw ValidationError("only 'mermaid' can be imported") }
    }

    func run() throws {
        guard case .success(let bytes) = FileReader.read(file, limit: 32 << 20) else { throw ValidationError("cannot read '\(file)'") }
        let (source, decodeDiagnostics) = SourceFile.decode(path: file, data: bytes)
        let (mermaid, diagnostics) = MermaidParser.parse(source)
        let all = decodeDiagnostics + diagnostics
        Terminal.err(DiagnosticPrinter(sources: [file: source], colored: ColorChoice.auto.enabled).format(all))
        guard let mermaid, !all.hasErrors else { throw ExitCode(1) }
        let name = String(file.split(separator: "/").last ?? "imported").replacingOccurrences(of: ".mmd", with: "")
        let text = MermaidConversion.journeyText(mermaid, fallbackID: name)
        if let output {
            try AtomicFile.write(Array(text.utf8), to: output)
            Terminal.out("wrote \(output)\n")
        } else {
            Terminal.out(text)
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a journey as Mermaid, DOT or JSON on standard output.")

    @Argument(help: "A journey file.")
    var journey: String

    @Option(help: "mermaid, dot or json.", completion: .list(["mermaid", "dot", "json"]))
    var to: String

    func validate() throws {
        guard ["mermaid", "dot", "json"].contains(to) else { throw ValidationError("--to takes mermaid, dot or json") }
    }

    func run() throws {
        let loaded = JourneyLoader.load(path: journey)
        Terminal.err(
            DiagnosticPrinter(sources: loaded.sources, colored: ColorChoice.auto.enabled).format(
                loaded.diagnostics.filter { $0.severity == .error }))
        guard let j = loaded.journey else { throw ExitCode(1) }
        switch to {
        case "mermaid": Terminal.out(MermaidConversion.mermaid(j))
        case "json": Terminal.out(try JourneyJSON.encode(j))
        default: Terminal.out(DOTWriter.write(MapBuilder.build(j)))
        }
    }
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
