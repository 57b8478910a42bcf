import Testing

@testable import CheckInCore

/// When a plain id form may stand in for a member's stored code.
@Suite struct CodeResolutionTests {
  @Test func memberWithoutStoredCodeIsFoundByID() {
    #expect(CodeResolution.idFallbackAccepts(storedCode: nil, memberID: 115))
  }

  @Test(arguments: ["GYM-115", "gym-115", "CUST-115", "customer_id:115", "115"])
  func memberStillOnAnIDShapedCodeIsFoundByID(stored: String) {
    #expect(CodeResolution.idFallbackAccepts(storedCode: stored, memberID: 115))
  }

  /// The regenerated code retired every earlier one: `GYM-115` must not open the door any more.
  @Test func regeneratedCodeRetiresTheIDForms() {
    #expect(!CodeResolution.idFallbackAccepts(storedCode: "GYM-115-9F3A0C1B", memberID: 115))
  }

  @Test(arguments: ["GYM-116", "CUST-11", "1150", "customer_id:15"])
  func anotherMembersIDFormIsRefused(stored: String) {
    #expect(!CodeResolution.idFallbackAccepts(storedCode: stored, memberID: 115))
  }

  @Test func freeFormStoredCodeIsRefused() {
    #expect(!CodeResolution.idFallbackAccepts(storedCode: "QR-ABCDEF", memberID: 115))
  }
}
