import JourneyCore
import Testing

@Suite struct SymbolIndexTests {
    @Test func declarationsUsesAndTargetScopesAreRecorded() {
        let text = """
            journey j "J" {
              department ops "Ops"
              channel web
              stage s "S" {
                touchpoint a "A" { owner ops; channel web }
                touchpoint b "B" { owner ops }
              }
              flow b -> a
              target nps >= 0 at a
            }
            """
        let loaded = JourneyLoader.load(text: text, path: "/tmp/symbols.journey")
        let a = loaded.symbols.occurrences(of: .touchpoint, "a")
        #expect(a.map(\.isDeclaration) == [true, false, false])
        #expect(a.map(\.range.start.line) == [5, 8, 9])
        #expect(loaded.symbols.occurrences(of: .department, "ops").count == 3)
        #expect(loaded.symbols.occurrences(of: .stage, "s").count == 1)
    }
}
