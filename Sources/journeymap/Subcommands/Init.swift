import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a starter journey and feedback file that teach the language.")

    @Argument(help: "The journey id (letters, digits, '-' and '_').")
    var id: String = "my-journey"

    @Option(help: "The journey title.")
    var title: String = "My customer journey"

    @Option(name: .shortAndLong, help: "Folder to create the files in.")
    var directory: String = "journeys"

    @Flag(help: "Overwrite existing files.")
    var force = false

    func validate() throws {
        let tokens = Lexer.tokenize(SourceFile(path: "id", text: id))
        guard tokens.diagnostics.isEmpty, tokens.tokens.count == 2, tokens.tokens[0].kind == .identifier else {
            throw ValidationError("'\(id)' is not a valid id: use letters, digits, '-' and '_', starting with a letter")
        }
    }

    func run() throws {
        let files = Scaffold.files(id: id, title: title, in: directory)
        for f in files where !force && FileReader.kind(of: f.path) != nil {
            throw ValidationError("\(f.path) exists; pass --force to overwrite it")
        }
        for f in files {
            try AtomicFile.write(Array(f.contents.utf8), to: f.path)
            Terminal.out("created \(f.path)\n")
        }
    }
}
