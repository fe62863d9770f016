import JourneyCore

extension LanguageServer {
    /// Data files larger than this are not read again to place a row's diagnostic exactly;
    /// its column is then taken as UTF-16 units (see `PositionMap.position`).
    static let maxDataFileForPositions = 64 * 1_048_576

    /// The URI to show for a path: the editor's own URI when the file is open, so that its
    /// spelling (percent-encoding) matches what the editor sent.
    func uri(for path: String) -> String {
        let normal = DocumentURI.normalise(path)
        for d in documents.values where d.path == normal { return d.uri }
        return DocumentURI.uri(of: normal)
    }

    /// Publishes `check`'s findings for the document at `uri`: for the document itself (an
    /// empty list clears old ones), for its includes, and for its data files' rows.
    func publishDiagnostics(for uri: String) {
        guard let doc = documents[uri] else { return }
        var byTarget: [String: [LSPDiagnostic]] = [uri: []]
        var dataFiles: [String: SourceFile?] = [:]
        func file(_ path: String) -> SourceFile? {
            if let f = doc.analysis.sourceFile(path) { return f }
            if let cached = dataFiles[path] { return cached }
            let read: SourceFile?
            if case .success(let bytes) = FileReader.read(path, limit: Self.maxDataFileForPositions) {
                read = SourceFile(path: path, bytes: bytes)
            } else {
                read = nil
            }
            dataFiles[path] = read
            return read
        }
        for d in doc.analysis.diagnostics {
            let target = d.range.file == doc.path ? uri : self.uri(for: d.range.file)
            var message = d.message
            var related: [LSPDiagnostic.Related] = []
            for note in d.notes {
                if let r = note.range {
                    related.append(
                        .init(
                            location: Location(uri: self.uri(for: r.file), range: PositionMap.range(r, in: file(r.file))),
                            message: note.message))
                } else {
                    message += "\nnote: " + note.message
                }
            }
            let severity =
                switch d.severity {
                case .error: 1
                case .warning: 2
                case .note: 3
                }
            byTarget[target, default: []].append(
                LSPDiagnostic(
                    range: PositionMap.range(d.range, in: file(d.range.file)), severity: severity, code: d.code,
                    source: "journeymap", message: message, relatedInformation: related.isEmpty ? nil : related))
        }
        let old = Set(published[uri]?.keys.map { $0 } ?? [])
        published[uri] = byTarget
        for target in old.union(byTarget.keys).sorted() { publishMerged(target) }
    }

    /// Sends the findings every open document has for `target`, each once.
    func publishMerged(_ target: String) {
        var all: [LSPDiagnostic] = []
        var seen = Set<LSPDiagnostic>()
        for owner in published.keys.sorted() {
            for d in published[owner]?[target] ?? [] where seen.insert(d).inserted { all.append(d) }
        }
        var params: JSONValue = ["uri": .string(target), "diagnostics": (try? JSONValue(encoding: all)) ?? []]
        if let v = documents[target]?.version, case .object(var o) = params {
            o["version"] = .int(v)
            params = .object(o)
        }
        sendNotification("textDocument/publishDiagnostics", params)
    }
}
