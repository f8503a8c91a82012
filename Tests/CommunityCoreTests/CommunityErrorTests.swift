import CommunityCore
import Testing

@Suite struct CommunityErrorTests {
    @Test func catchesByCode() {
        func fail() throws { throw CommunityError.conflict("handle 'ada' is taken", field: "handle") }
        do {
            try fail()
            Issue.record("expected a throw")
        } catch CommunityError.Code.notFound {
            Issue.record("wrong code matched")
        } catch CommunityError.Code.conflict {
            // expected
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func descriptionNamesCodeAndField() {
        let error = CommunityError.invalidInput("name is empty", field: "name")
        #expect(error.description == "invalidInput: name is empty [field: name]")
    }
}
