import Foundation
import Testing

@testable import CheckInCore

/// One box: the scan field takes a name or a phone number too. Text typed by hand that can't be
/// a code, or that no member has as one, opens search with what was typed; a scanner's unknown
/// code is still refused, as the door needs.
@Suite struct StationOneBoxTests {
  /// Types `text` into the scan field and presses Enter.
  private func typeAndEnter(_ text: String, _ desk: inout Desk) -> [StationEffect] {
    desk.send(.typed(text))
    return desk.send(.submit)
  }

  @Test func aTypedNameNoCardHasOpensSearchWithIt() throws {
    var desk = Desk()
    let lookUp = try #require(typeAndEnter("sara", &desk).lookUps.first)
    let effects = desk.send(.lookedUp(lookUp.id, .failure(.refused(.notFound(code: "sara")))))
    let search = try #require(effects.searches.first)
    #expect(search.query == "sara")
    #expect(search.delay == 0, "Enter was pressed: nothing to wait for")
    #expect(desk.state.phase.panel?.query == "sara")
    #expect(desk.state.notice?.text == "No member has the code sara — searching names and phones")
    #expect(!effects.contains(.signal(.refused)), "no refusal sound for a name")
  }

  @Test func textThatCantBeACodeIsSearchedAtOnce() throws {
    var desk = Desk()
    let effects = typeAndEnter("sara haddad", &desk)
    #expect(effects.lookUps.isEmpty)
    #expect(effects.searches.first?.query == "sara haddad")
    #expect(desk.state.phase.panel?.query == "sara haddad")
  }

  @Test func aTypedPhoneNumberWithSpacesIsSearchedAtOnce() throws {
    var desk = Desk()
    let effects = typeAndEnter("0101 234", &desk)
    #expect(effects.lookUps.isEmpty)
    #expect(desk.state.phase.panel?.query == "0101 234")
  }

  @Test func aTypedNumberNoMemberHasIsSearchedAsAPhone() throws {
    var desk = Desk()
    let lookUp = try #require(typeAndEnter("01012345678", &desk).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .failure(.refused(.notFound(code: "01012345678")))))
    #expect(desk.state.phase.panel?.query == "01012345678")
  }

  @Test func aScannedUnknownCodeIsStillRefused() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.scanned("sara")).lookUps.first)
    let effects = desk.send(.lookedUp(lookUp.id, .failure(.refused(.notFound(code: "sara")))))
    #expect(effects == [.signal(.refused)])
    #expect(desk.state.phase.banner?.outcome == .refused(.notFound(code: "sara"), memberName: nil))
  }

  @Test func aScannerBurstUnknownCodeIsStillRefused() throws {
    var desk = Desk()
    let lookUp = try #require(desk.send(.burst("GYM-999", terminated: true)).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .failure(.refused(.notFound(code: "GYM-999")))))
    #expect(desk.state.phase.banner != nil)
    #expect(desk.state.phase.panel == nil)
  }

  @Test func aLockedKioskRefusesWhatIsTypedThere() throws {
    var desk = Desk()
    desk.kiosk = KioskLock(unlockCode: "4321")
    let lookUp = try #require(typeAndEnter("sara", &desk).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .failure(.refused(.notFound(code: "sara")))))
    #expect(desk.state.phase.panel == nil, "members' names are for staff eyes")
    #expect(desk.state.phase.banner != nil)
    var typed = Desk()
    typed.kiosk = KioskLock(unlockCode: "4321")
    _ = typeAndEnter("sara haddad", &typed)
    #expect(typed.state.phase.panel == nil)
  }

  @Test func aTypedCodeThatIsFoundOpensTheMember() throws {
    var desk = Desk()
    let lookUp = try #require(typeAndEnter("GYM-1", &desk).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .success(Fixture.sara)))
    #expect(desk.state.phase.dialog?.card == Fixture.sara)
  }

  @Test func aRetiredCodeTypedByHandIsStillSaidToBeRetired() throws {
    var desk = Desk()
    let lookUp = try #require(typeAndEnter("GYM-115", &desk).lookUps.first)
    desk.send(.lookedUp(lookUp.id, .failure(.refused(.retiredCode(code: "GYM-115")))))
    #expect(
      desk.state.phase.banner?.outcome == .refused(.retiredCode(code: "GYM-115"), memberName: nil))
  }
}
