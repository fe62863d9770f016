import JourneyCore

/// A Language Server Protocol server for journey files. It reads framed JSON-RPC messages
/// from bytes it is given (`receive`) and writes replies and notifications through the
/// `send` closure it was made with: no file descriptors, no printing, so tests drive it
/// through pipes and `journeymap lsp` wires it to standard input and output.
///
/// One message is handled at a time, in order; each reply is sent before the next message is
/// read. Includes and feedback files are read from disk; the documents the editor has open
/// are analysed as the editor holds them.
public final class LanguageServer {
    /// A JSON-RPC error: the code and message the client shows.
    struct RPCError: Error {
        var code: Int
        var message: String
        static let parseError = -32700
        static let invalidRequest = -32600
        static let methodNotFound = -32601
        static let invalidParams = -32602
        static let serverNotInitialized = -32002
        static let requestFailed = -32803
    }

    /// An open document: the editor's text and what the server made of it.
    struct OpenDocument {
        var uri: String
        var path: String
        var version: Int?
        var text: String
        var analysis: DocumentAnalysis
        /// The metrics of the last version that joined (hover keeps showing data while the
        /// user types through an error, marked as from that version).
        var lastMeasurements: DocumentAnalysis?
    }

    let send: ([UInt8]) -> Void
    let version: String
    private var framer = MessageFramer()
    private var initialized = false
    private var shutdownRequested = false
    /// True once `exit` arrived: the caller stops reading.
    public private(set) var hasExited = false
    /// 0 when `shutdown` came before `exit`, else 1 (the protocol's rule).
    public var exitCode: Int32 { shutdownRequested ? 0 : 1 }

    /// Open documents by URI.
    var documents: [String: OpenDocument] = [:]
    /// The folder includes and data files must stay inside (the workspace), when the client names one.
    var workspaceRoot: String?
    /// What each open document last published, by target URI, so that a fixed problem is
    /// cleared and a file two documents include shows both documents' findings once.
    var published: [String: [String: [LSPDiagnostic]]] = [:]

    /// `send` receives each outgoing message, framed, as one call; `version` is reported to
    /// the client in `serverInfo`.
    public init(version: String = "", send: @escaping ([UInt8]) -> Void) {
        self.version = version
        self.send = send
    }

    /// Feeds bytes read from the client; handles every message they complete.
    public func receive(_ bytes: [UInt8]) {
        for item in framer.append(bytes) where !hasExited {
            switch item {
            case .message(let body): handle(body)
            case .malformed(let why): sendError(id: .null, RPCError(code: RPCError.parseError, message: why))
            }
        }
    }

    /// Runs a whole session: reads with `read` (nil or empty at end of input) until `exit`
    /// or the end of input, writing with `write`. Returns the process exit code.
    public static func run(version: String = "", read: () -> [UInt8]?, write: @escaping ([UInt8]) -> Void) -> Int32 {
        let server = LanguageServer(version: version, send: write)
        while !server.hasExited, let chunk = read(), !chunk.isEmpty {
            server.receive(chunk)
        }
        return server.exitCode
    }

    // MARK: - Dispatch

    private func handle(_ body: [UInt8]) {
        let message: JSONValue
        do {
            message = try JSONValue.parse(body)
        } catch {
            sendError(id: .null, RPCError(code: RPCError.parseError, message: "the message is not JSON"))
            return
        }
        guard let method = message["method"]?.string else { return }  // a response to us: we ask nothing
        let params = message["params"] ?? .null
        if let id = message["id"] {
            let result: Result<JSONValue, RPCError>
            if !initialized && method != "initialize" {
                result = .failure(
                    RPCError(code: RPCError.serverNotInitialized, message: "the server is not initialised; send 'initialize' first"))
            } else if shutdownRequested {
                result = .failure(RPCError(code: RPCError.invalidRequest, message: "the server is shutting down; send 'exit'"))
            } else {
                result = request(method, params)
            }
            switch result {
            case .success(let value): sendMessage(["jsonrpc": "2.0", "id": id, "result": value])
            case .failure(let error): sendError(id: id, error)
            }
        } else if method == "exit" {
            hasExited = true
        } else if initialized && !shutdownRequested {
            notification(method, params)
        }
    }

    private func request(_ method: String, _ params: JSONValue) -> Result<JSONValue, RPCError> {
        do {
            switch method {
            case "initialize": return .success(try initialize(params.decode()))
            case "shutdown":
                shutdownRequested = true
                return .success(.null)
            case "textDocument/formatting": return .success(try formatting(params.decode()))
            case "textDocument/definition": return .success(try definition(params.decode()))
            case "textDocument/references": return .success(try references(params.decode()))
            case "textDocument/hover": return .success(try hover(params.decode()))
            case "textDocument/completion": return .success(try completion(params.decode()))
            case "textDocument/documentSymbol": return .success(try documentSymbols(params.decode()))
            case "textDocument/prepareRename": return .success(try prepareRename(params.decode()))
            case "textDocument/rename": return .success(try rename(params.decode()))
            default:
                return .failure(RPCError(code: RPCError.methodNotFound, message: "'\(method)' is not supported by journeymap lsp"))
            }
        } catch let error as RPCError {
            return .failure(error)
        } catch {
            return .failure(RPCError(code: RPCError.invalidParams, message: "invalid parameters for '\(method)': \(error)"))
        }
    }

    private func notification(_ method: String, _ params: JSONValue) {
        switch method {
        case "textDocument/didOpen":
            if let p = try? params.decode(as: DidOpenParams.self) {
                open(uri: p.textDocument.uri, version: p.textDocument.version, text: p.textDocument.text)
            }
        case "textDocument/didChange":
            if let p = try? params.decode(as: DidChangeParams.self) { change(p) }
        case "textDocument/didClose":
            if let p = try? params.decode(as: DidCloseParams.self) { close(uri: p.textDocument.uri) }
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            // An include or a data file may have changed on disk: look again.
            for uri in documents.keys.sorted() { reanalyse(uri) }
        default:
            break  // initialized, $/cancelRequest, $/setTrace …: nothing to do
        }
    }

    private func initialize(_ p: InitializeParams) -> JSONValue {
        initialized = true
        let root =
            p.workspaceFolders?.first.flatMap { DocumentURI.path(of: $0.uri) }
            ?? p.rootUri.flatMap { DocumentURI.path(of: $0) } ?? p.rootPath
        workspaceRoot = root.map(DocumentURI.normalise)
        return [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 1, "save": true],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "documentFormattingProvider": true,
                "renameProvider": ["prepareProvider": true],
                "completionProvider": ["triggerCharacters": [" ", ">", ","]],
            ],
            "serverInfo": ["name": "journeymap", "version": .string(version)],
        ]
    }

    // MARK: - Output

    func sendMessage(_ message: JSONValue) {
        send(MessageFramer.frame(message.encoded()))
    }

    func sendNotification(_ method: String, _ params: JSONValue) {
        sendMessage(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    private func sendError(id: JSONValue, _ error: RPCError) {
        sendMessage(["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code), "message": .string(error.message)]])
    }

    // MARK: - Documents

    /// The open document named by `uri`, or a request error saying it is not open.
    func document(_ uri: String) throws -> OpenDocument {
        guard let d = documents[uri] else {
            throw RPCError(code: RPCError.requestFailed, message: "'\(uri)' is not open (send textDocument/didOpen first)")
        }
        return d
    }

    /// The folder a document's includes and data files must stay inside.
    func root(for path: String) -> String {
        if let r = workspaceRoot, PathUtil.isInside(path, root: r) { return r }
        return PathUtil.directory(of: path)
    }

    private func open(uri: String, version: Int?, text: String) {
        guard let path = DocumentURI.path(of: uri) else {
            sendNotification(
                "window/logMessage", ["type": 2, "message": .string("journeymap lsp serves file: documents only; ignoring \(uri)")])
            return
        }
        let analysis = DocumentAnalysis(path: path, text: text, root: root(for: path))
        documents[uri] = OpenDocument(
            uri: uri, path: path, version: version, text: text, analysis: analysis,
            lastMeasurements: analysis.measurements != nil ? analysis : nil)
        publishDiagnostics(for: uri)
    }

    private func change(_ p: DidChangeParams) {
        guard var doc = documents[p.textDocument.uri] else { return }
        for c in p.contentChanges {
            if let r = c.range {
                // Incremental changes are not asked for (sync is full), but a client may send them.
                let file = SourceFile(path: doc.path, text: doc.text)
                let bytes = file.bytes
                let a = PositionMap.offset(of: r.start, in: file), b = max(a, PositionMap.offset(of: r.end, in: file))
                doc.text = String(decoding: bytes[..<a] + Array(c.text.utf8) + bytes[b...], as: UTF8.self)
            } else {
                doc.text = c.text
            }
        }
        doc.version = p.textDocument.version
        documents[doc.uri] = doc
        reanalyse(doc.uri)
    }

    private func reanalyse(_ uri: String) {
        guard var doc = documents[uri] else { return }
        doc.analysis = DocumentAnalysis(path: doc.path, text: doc.text, root: root(for: doc.path))
        if doc.analysis.measurements != nil { doc.lastMeasurements = doc.analysis }
        documents[uri] = doc
        publishDiagnostics(for: uri)
    }

    private func close(uri: String) {
        documents[uri] = nil
        let old = published.removeValue(forKey: uri) ?? [:]
        for target in old.keys.sorted() { publishMerged(target) }
    }
}
