import Foundation
import JourneyLSP
import JourneyTestSupport
import Testing

/// The VS Code extension folder is consistent: it ships the same grammar as
/// editors/textmate, and everything its package.json names exists.
@Suite struct EditorFilesTests {
    @Test func vscodeShipsTheTextMateGrammarUnchanged() throws {
        let shared = FileManager.default.contents(atPath: Repo.path("editors/textmate/journey.tmLanguage.json"))
        let shipped = FileManager.default.contents(atPath: Repo.path("editors/vscode/syntaxes/journey.tmLanguage.json"))
        #expect(shared != nil && shared == shipped, "copy editors/textmate/journey.tmLanguage.json to editors/vscode/syntaxes/")
    }

    @Test func packageJSONNamesFilesThatExist() throws {
        let data = try #require(FileManager.default.contents(atPath: Repo.path("editors/vscode/package.json")))
        let package = try JSONValue.parse(Array(data))
        let contributes = try #require(package["contributes"])
        let language = try #require(contributes["languages"]?[0])
        #expect(language["id"] == "journey" && language["extensions"] == [".journey"])
        let grammar = try #require(contributes["grammars"]?[0])
        #expect(grammar["scopeName"] == "source.journey")
        for relative in [package["main"], language["configuration"], grammar["path"]].compactMap({ $0?.string }) {
            #expect(FileManager.default.fileExists(atPath: Repo.path("editors/vscode/" + relative)), "\(relative) is missing")
        }
        // The grammar's own scope name matches what package.json declares.
        let tm = try JSONValue.parse(
            Array(try #require(FileManager.default.contents(atPath: Repo.path("editors/textmate/journey.tmLanguage.json")))))
        #expect(tm["scopeName"] == grammar["scopeName"])
        // The client starts the server this repository builds.
        let client = String(
            decoding: try #require(FileManager.default.contents(atPath: Repo.path("editors/vscode/extension.js"))), as: UTF8.self)
        #expect(client.contains("args: ['lsp']") && client.contains("vscode-languageclient/node"))
    }
}
