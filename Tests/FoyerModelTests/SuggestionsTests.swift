import Testing
@testable import FoyerCore

@Suite("Did you mean")
struct SuggestionsTests {
    @Test func typosAndPrefixesFindTheName() {
        #expect(Suggestions.closest(to: "groud", among: ["outdoor", "ground", "unheated_space"]) == ["ground"])
        #expect(Suggestions.closest(to: "u_valeu_w_per_m2k", among: ["u_value_w_per_m2k", "g_value"]) == ["u_value_w_per_m2k"])
        #expect(Suggestions.closest(to: "H1", among: ["H1a", "H1b", "H2a", "H3"]).first == "H1a")
        #expect(Suggestions.closest(to: "fr/sfh-1950", among: ["fr/sfh-1949-1974", "be/terraced-pre-1945"]) == ["fr/sfh-1949-1974"])
        #expect(Suggestions.closest(to: "unrelated", among: ["outdoor", "ground"]).isEmpty)
    }

    @Test func editDistanceIsLevenshtein() {
        // "kitten" → "sitting" is the textbook example with distance 3 (Levenshtein 1966).
        #expect(Suggestions.levenshtein(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestions.levenshtein([], Array("abc")) == 3)
    }
}

@Suite("Issue order")
struct IssueOrderTests {
    @Test func pathsSortWithNumericIndices() {
        let paths = ["envelope.walls[10].area_m2", "envelope.walls[2].area_m2", "envelope.doors[0].area_m2", "schema"]
        let sorted = paths.map { InputIssue(.error, path: $0, message: "x") }.sorted(by: InputIssue.reportOrder).map(\.path)
        #expect(sorted == ["envelope.doors[0].area_m2", "envelope.walls[2].area_m2", "envelope.walls[10].area_m2", "schema"])
    }
}
