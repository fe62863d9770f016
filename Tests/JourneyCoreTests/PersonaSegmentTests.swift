import Foundation
import JourneyCore
import Testing

/// A persona's `segment`: a name or a quoted value with spaces (as the data spells it), and the
/// misuses reported at their line and column.
@Suite struct PersonaSegmentTests {
    func load(_ personas: String) -> LoadResult {
        let text = """
            journey j "J" {
              department ops "Ops"
            \(personas)
              stage s "S" {
                touchpoint a "A" { owner ops }
              }
            }

            """
        return JourneyLoader.load(text: text, path: FileManager.default.temporaryDirectory.path + "/persona-segment.journey")
    }

    func findings(_ r: LoadResult) -> [String] {
        r.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.code) \($0.message)" }
    }

    @Test func aQuotedSegmentKeepsItsSpaces() throws {
        let r = load(#"  persona ana "Ana" { segment "Frequent flyer" }"#)
        #expect(findings(r).isEmpty)
        #expect(r.journey?.personas.first?.segment == "Frequent flyer")
        #expect(load("  persona ana \"Ana\" { segment business }").journey?.personas.first?.segment == "business")
    }

    @Test func emptyOrRepeatedSegmentIsAnError() throws {
        #expect(
            findings(load(#"  persona ana "Ana" { segment "" }"#))
                == ["3:31 JM213 persona 'ana' has an empty segment; write the segment as the data spells it"])
        #expect(
            findings(load(#"  persona ana "Ana" { segment a; segment b }"#))
                == ["3:42 JM213 persona 'ana' already has segment 'a'; a persona has one segment"])
    }

    @Test func twoPersonasWithOneSegmentAreWarned() throws {
        let r = load(
            """
              persona ana "Ana" { segment biz }
              persona piotr "Piotr" { segment biz }
            """)
        #expect(
            findings(r) == ["4:35 JM214 personas 'ana' and 'piotr' both have segment 'biz'; their measured curves would be the same line"])
        #expect(r.diagnostics.allSatisfy { $0.severity == .warning })
    }
}
