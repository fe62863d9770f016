/// Options for loading a journey.
public struct LoadOptions: Sendable {
    /// Includes must resolve (symlinks too) to a file inside this folder. nil: the folder of
    /// the journey file.
    public var root: String?
    /// Largest journey or include file read, in bytes.
    public var maxFileSize: Int = 32 * 1_048_576
    /// Deepest chain of includes.
    public var maxIncludeDepth: Int = 16
    /// Most touchpoints in one journey.
    public var maxTouchpoints: Int = 100_000

    /// Default limits, with includes confined to `root`.
    public init(root: String? = nil) { self.root = root }
}

/// The result of loading one journey file: the model when it has no errors, every
/// diagnostic, and the sources read (for printing snippets and for the formatter).
public struct LoadResult: Sendable {
    /// The checked model; nil when the file has errors.
    public var journey: Journey?
    /// Every finding of every file read, in the order found.
    public var diagnostics: [Diagnostic]
    /// The files read, by path, for printing source lines.
    public var sources: [String: SourceFile]
    /// Every file read (the journey and its includes), in the order read.
    public var files: [String]
    /// The file holds only shared definitions (no journey): an include file, not an error.
    public var isSharedDefinitions = false
    /// Where each id is declared and used, in every file read (kept even when there are errors).
    public var symbols = SymbolIndex()
    /// The model as far as it could be built, even when there are errors: for editors, which
    /// show what they can while the user types. nil when no journey statement was read.
    public var draft: Journey?

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// parse -> resolve: reads a journey file and its includes and builds the checked model.
public enum JourneyLoader {
    /// Loads `path` from disk.
    public static func load(path: String, options: LoadOptions = LoadOptions()) -> LoadResult {
        var resolver = Resolver(options: options, entry: path)
        return resolver.run()
    }

    /// Parses and resolves text that is not on disk (tests, stdin). Includes are read from
    /// disk relative to `path`.
    public static func load(text: String, path: String, options: LoadOptions = LoadOptions()) -> LoadResult {
        var resolver = Resolver(options: options, entry: path)
        return resolver.run(text: Array(text.utf8))
    }

    /// Parses and resolves bytes that are not on disk (standard input): invalid UTF-8 is
    /// reported as in a file. Includes are read from disk relative to `path`.
    public static func load(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) -> LoadResult {
        var resolver = Resolver(options: options, entry: path)
        return resolver.run(text: bytes)
    }
}

/// Walks the syntax of a journey and its includes. Pass one collects declarations (so that
/// references may point forward); pass two checks every reference.
struct Resolver {
    let options: LoadOptions
    let entry: String
    var diagnostics: [Diagnostic] = []
    var sources: [String: SourceFile] = [:]
    var files: [String] = []
    var builder = JourneyBuilder()
    /// Canonical paths of the include chain being read, for cycle reports.
    var includeStack: [(canonical: String, shown: String)] = []
    var rootCanonical: String?
    /// An include could not be read: references to what it would define are not checked,
    /// so one missing file gives one error, not one per use.
    var includeFailed = false

    init(options: LoadOptions, entry: String) {
        self.options = options
        self.entry = entry
    }

    /// Reports a finding with its code's usual severity.
    mutating func report(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        report(code.severity, code, message, at: range, notes: notes, fixIt: fixIt)
    }

    /// Reports a finding at a severity other than its code's usual one.
    mutating func report(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        diagnostics.append(Diagnostic(severity, code, message, at: range, notes: notes, fixIt: fixIt))
    }

    mutating func run(text: [UInt8]? = nil) -> LoadResult {
        let root = options.root ?? PathUtil.directory(of: entry)
        rootCanonical = FileReader.realPath(root)
        let bytes: [UInt8]
        if let text {
            bytes = text
        } else {
            switch FileReader.read(entry, limit: options.maxFileSize) {
            case .success(let b): bytes = b
            case .failure(let f):
                report(.unreadableFile, "cannot read journey file '\(entry)': \(f.message)", at: .file(entry))
                return result()
            }
        }
        let canonical = FileReader.realPath(entry) ?? entry
        includeStack = [(canonical, entry)]
        guard let syntax = parse(path: entry, bytes: bytes) else { return result() }
        readTopLevel(syntax, isEntry: true)
        if builder.journeyRange == nil, !diagnostics.hasErrors {
            if !syntax.statements.isEmpty {
                var r = result()
                r.isSharedDefinitions = true
                return r
            }
            report(.noJourney, "no journey in this file; start one with 'journey ID \"Title\" { … }'", at: .file(entry))
        }
        builder.skipDefinitionChecks = includeFailed
        let journey = builder.finish(entry: entry, files: files)
        diagnostics += builder.diagnostics
        var r = result(journey: diagnostics.hasErrors ? nil : journey)
        r.draft = journey
        return r
    }

    private func result(journey: Journey? = nil) -> LoadResult {
        var r = LoadResult(journey: journey, diagnostics: diagnostics.sortedForOutput(), sources: sources, files: files)
        r.symbols = builder.symbols
        r.symbols.occurrences += builder.references.map {
            .init(kind: SymbolIndex.Kind($0.kind), id: $0.token.text, range: $0.token.range, isDeclaration: false)
        }
        return r
    }

    /// Decodes and parses one file, recording its source.
    mutating func parse(path: String, bytes: [UInt8]) -> SourceFileSyntax? {
        let (file, decodeDiagnostics) = SourceFile.decode(path: path, data: bytes)
        sources[path] = file
        files.append(path)
        diagnostics += decodeDiagnostics
        let (syntax, parseDiagnostics) = Parser.parse(file)
        diagnostics += parseDiagnostics
        return syntax
    }

    /// Top level of a file: `journey` (entry file only), `include`, and shared definitions.
    mutating func readTopLevel(_ syntax: SourceFileSyntax, isEntry: Bool) {
        for statement in syntax.statements {
            switch statement.keyword.text {
            case "journey":
                guard isEntry else {
                    report(
                        .misplacedJourney,
                        "an included file holds shared definitions only (department, channel, persona, tag, sentiment words, include); move this journey to a file of its own",
                        at: statement.keyword.range)
                    continue
                }
                if let first = builder.journeyRange {
                    report(
                        .misplacedJourney, "a file holds one journey; move this one to a file of its own", at: statement.keyword.range,
                        notes: [DiagnosticNote("the first journey is here", at: first)])
                    continue
                }
                readJourney(statement)
            case "include":
                readInclude(statement)
            case "department", "channel", "persona":
                readDefinition(statement)
            case "tag": readTag(statement)
            case "sentiment": readSentimentWords(statement)
            default:
                unknownStatement(statement, context: "at the top of a file", allowed: Vocabulary.topLevel)
            }
        }
    }

    mutating func unknownStatement(_ statement: StatementSyntax, context: String, allowed: [String]) {
        let word = statement.keyword.text
        var message = "unknown statement '\(word)' \(context)"
        let suggestion = Suggestion.closest(to: word, in: allowed)
        if let suggestion {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of: \(allowed.joined(separator: ", "))"
        }
        report(
            .unknownStatement, message, at: statement.keyword.range,
            fixIt: suggestion.map { FixIt(range: statement.keyword.range, replacement: $0) })
    }

    /// Runs a statement reader with an argument cursor, collecting its diagnostics.
    mutating func withArguments<T>(_ statement: StatementSyntax, _ body: (inout Arguments) -> T?) -> T? {
        var args = Arguments(statement)
        let value = body(&args)
        diagnostics += args.diagnostics
        return args.diagnostics.isEmpty ? value : nil
    }

    /// Reports a block where none is allowed.
    mutating func forbidBlock(_ statement: StatementSyntax) {
        if let block = statement.block {
            report(.unexpectedBlock, "'\(statement.keyword.text)' takes no block", at: block.openRange)
        }
    }
}
