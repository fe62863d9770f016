import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@Suite struct FormatterTests {
    func fmt(_ text: String) -> String? {
        Formatter().format(SourceFile(path: "t.journey", text: text)).text
    }

    @Test func canonicalLayout() {
        let messy = """
            # lead comment
            journey  j   "J"{
                    department ops   "Ops"   # who
            stage s "S" {
            touchpoint a "A" { owner ops;emotion -1 }


            touchpoint b "B\\u{41}" {
            owner ops
            }
            }
            feedback "f.csv" { scale ces 1 .. 7 lower is better }
            target csat >= 70 % at a
            }
            """
        let expected = """
            # lead comment
            journey j "J" {
              department ops "Ops" # who
              stage s "S" {
                touchpoint a "A" { owner ops; emotion -1 }

                touchpoint b "BA" {
                  owner ops
                }
              }
              feedback "f.csv" { scale ces 1..7 lower is better }
              target csat >= 70% at a
            }

            """
        #expect(fmt(messy) == expected)
        #expect(fmt(expected) == expected, "idempotent")
    }

    @Test func quoteEscapesControlsAndBidi() {
        #expect(Formatter.quote("a\"b\\c\nd\u{202E}e") == #""a\"b\\c\nd\u{202E}e""#)
    }

    @Test func refusesFilesWithSyntaxErrors() {
        #expect(fmt("journey j \"open {\n") == nil)
    }

    /// Every journey file the repository holds is formatted and stays so.
    @Test func idempotentOnEveryJourneyFileInTheRepository() throws {
        let roots = [Repo.path("journeys"), Repo.path("Tests")]
        var checked = 0
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            for case let rel as String in walker where rel.hasSuffix(".journey") {
                let path = root + "/" + rel
                let data = try #require(FileManager.default.contents(atPath: path))
                let (file, _) = SourceFile.decode(path: path, data: Array(data))
                guard let once = Formatter().format(file).text else { continue }  // broken fixtures
                let twice = Formatter().format(SourceFile(path: path, text: once)).text
                #expect(twice == once, "fmt is not idempotent on \(rel)")
                checked += 1
            }
        }
        #expect(checked >= 3)
    }
}
