import Foundation
import JourneyCore

extension LanguageServer {
    /// The identity of a symbol across documents: its kind, id and where it is declared.
    struct SymbolKey: Hashable {
        var kind: SymbolIndex.Kind
        var id: String
        var file: String
        var offset: Int
    }

    /// The occurrence under the cursor and the declaration it refers to.
    func symbol(at position: Position, in doc: OpenDocument) -> (SymbolIndex.Occurrence, SymbolKey?)? {
        let offset = PositionMap.offset(of: position, in: doc.analysis.source)
        guard let occ = doc.analysis.occurrence(at: offset, in: doc.path) else { return nil }
        let decl = occ.isDeclaration ? occ : doc.analysis.declaration(occ.kind, occ.id)
        return (occ, decl.map { SymbolKey(kind: $0.kind, id: $0.id, file: $0.range.file, offset: $0.range.start.offset) })
    }

    func location(_ range: SourceRange, in analysis: DocumentAnalysis) -> Location {
        Location(uri: uri(for: range.file), range: PositionMap.range(range, in: analysis.sourceFile(range.file)))
    }

    func definition(_ p: PositionParams) throws -> JSONValue {
        let doc = try document(p.textDocument.uri)
        if let (_, key) = symbol(at: p.position, in: doc) {
            guard let key, let decl = doc.analysis.declaration(key.kind, key.id) else { return .null }
            return try JSONValue(encoding: location(decl.range, in: doc.analysis))
        }
        // On an include or feedback path: the file it names.
        let offset = PositionMap.offset(of: p.position, in: doc.analysis.source)
        if let link = doc.analysis.link(at: offset, in: doc.path) {
            let origin = Position(line: 0, character: 0)
            return try JSONValue(encoding: Location(uri: uri(for: link.path), range: LSPRange(start: origin, end: origin)))
        }
        return .null
    }

    func references(_ p: ReferenceParams) throws -> JSONValue {
        let doc = try document(p.textDocument.uri)
        guard let (_, key) = symbol(at: p.position, in: doc), let key else { return .null }
        let includeDeclaration = p.context?.includeDeclaration ?? true
        let found = occurrences(of: key, from: doc).filter { includeDeclaration || !$0.occurrence.isDeclaration }
        return try JSONValue(encoding: found.map { location($0.occurrence.range, in: $0.analysis) })
    }

    func prepareRename(_ p: PositionParams) throws -> JSONValue {
        let doc = try document(p.textDocument.uri)
        guard let (occ, key) = symbol(at: p.position, in: doc) else {
            throw RPCError(
                code: RPCError.requestFailed,
                message: "nothing to rename here: put the cursor on an id (a department, channel, persona, stage or touchpoint)")
        }
        guard key != nil else {
            throw RPCError(
                code: RPCError.requestFailed,
                message: "'\(occ.id)' is not declared as a \(occ.kind.rawValue), so there is nothing to rename; fix the error first")
        }
        return ["range": try JSONValue(encoding: PositionMap.range(occ.range, in: doc.analysis.source)), "placeholder": .string(occ.id)]
    }

    /// Renames an id at its declaration and every use, in the journey, its includes and the
    /// other journeys (open, or under the workspace) that include the same definition.
    func rename(_ p: RenameParams) throws -> JSONValue {
        let doc = try document(p.textDocument.uri)
        guard let (occ, key) = symbol(at: p.position, in: doc), let key else {
            throw RPCError(code: RPCError.requestFailed, message: "nothing to rename here: put the cursor on a declared id")
        }
        let name = p.newName
        let (tokens, lexErrors) = Lexer.tokenize(SourceFile(path: "new name", text: name))
        guard lexErrors.isEmpty, tokens.count == 2, tokens[0].kind == .identifier, tokens[0].text == name else {
            throw RPCError(
                code: RPCError.requestFailed, message: "'\(name)' is not an id: use letters, digits, '-' and '_', starting with a letter")
        }
        if name == occ.id { return ["changes": [:]] }
        let found = occurrences(of: key, from: doc)
        var checked = Set<ObjectIdentifier>()
        for f in found where checked.insert(ObjectIdentifier(f.analysis)).inserted {
            if let clash = f.analysis.declaration(key.kind, name) {
                throw RPCError(
                    code: RPCError.requestFailed,
                    message: "a \(key.kind.rawValue) '\(name)' already exists (\(clash.range)); ids of \(key.kind.rawValue)s must be unique"
                )
            }
        }
        var changes: [String: [TextEdit]] = [:]
        for f in found {
            let loc = location(f.occurrence.range, in: f.analysis)
            changes[loc.uri, default: []].append(TextEdit(range: loc.range, newText: name))
        }
        if key.kind == .touchpoint, let n = doc.lastMeasurements?.measurements?.byTouchpoint[key.id]?.responses, n > 0 {
            // The data still names the old id: say so rather than let the join quietly lose rows.
            sendNotification(
                "window/showMessage",
                [
                    "type": 2,
                    "message": .string(
                        "\(n) feedback answers are joined to touchpoint '\(key.id)' by that id; rename it in the data files too, or add a category rule, or they will be unmatched"
                    ),
                ])
        }
        return try JSONValue(encoding: WorkspaceEdit(changes: changes))
    }

    /// Every occurrence of the symbol `key`, each once, with the analysis that read it.
    func occurrences(of key: SymbolKey, from doc: OpenDocument) -> [(occurrence: SymbolIndex.Occurrence, analysis: DocumentAnalysis)] {
        var analyses = [doc.analysis]
        // A declaration in the journey's own file is seen by that journey only; one in a
        // shared file by every journey that includes it.
        if key.file != doc.path || doc.analysis.loaded.isSharedDefinitions {
            analyses += otherJourneys(than: doc.path)
        }
        var seen = Set<SourceRange>()
        var result: [(SymbolIndex.Occurrence, DocumentAnalysis)] = []
        for a in analyses {
            guard let decl = a.declaration(key.kind, key.id), decl.range.file == key.file,
                decl.range.start.offset == key.offset
            else { continue }
            for occ in a.loaded.symbols.occurrences(of: key.kind, key.id) where seen.insert(occ.range).inserted {
                result.append((occ, a))
            }
        }
        return result
    }

    /// Most journeys looked at for references to a shared definition.
    static let maxWorkspaceJourneys = 2_000

    /// The other open documents, then the journeys under the workspace that are not open
    /// (read from disk), in path order.
    func otherJourneys(than path: String) -> [DocumentAnalysis] {
        var result: [DocumentAnalysis] = []
        var paths: Set<String> = [path]
        for d in documents.values.sorted(by: { $0.path < $1.path }) where paths.insert(d.path).inserted {
            result.append(d.analysis)
        }
        guard let root = workspaceRoot else { return result }
        for file in journeyFiles(under: root).prefix(Self.maxWorkspaceJourneys) where paths.insert(file).inserted {
            guard case .success(let bytes) = FileReader.read(file, limit: 32 * 1_048_576) else { continue }
            result.append(DocumentAnalysis(path: file, text: String(decoding: bytes, as: UTF8.self), root: root, join: false))
        }
        return result
    }

    /// `*.journey` under `root`, hidden folders and build folders skipped, sorted.
    func journeyFiles(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        while let rel = walker.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") || name == "node_modules" || name == "output" {
                walker.skipDescendants()
                continue
            }
            if name.hasSuffix(".journey") { found.append(DocumentURI.normalise(root + "/" + rel)) }
        }
        return found.sorted()
    }
}
