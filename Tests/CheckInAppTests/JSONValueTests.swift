import CheckInCore
import Foundation
import Testing

@testable import CheckInApp

@Suite("JSONValue and Reports")
struct JSONValueTests {
  @Test func keysKeepTheirOrderAndNilIsNull() {
    let value = JSONValue.object([
      ("b", .integer(2)), ("a", .string(nil as String?)), ("c", .array([.bool(true), .null])),
    ])
    #expect(value.rendered == #"{"b":2,"a":null,"c":[true,null]}"#)
  }

  @Test func stringsSurviveARoundTripThroughJSONSerialization() throws {
    let text = "quote \" backslash \\ newline \n tab \t bell \u{7} del \u{7F} sep \u{2028} عربي 王"
    let rendered = JSONValue.object([("text", .string(text))]).rendered
    #expect(!rendered.contains("\n"))
    #expect(try JSON.object(rendered).string("text") == text)
  }

  @Test func theReceiptHasTheDocumentedKeysInOrder() throws {
    let receipt = Receipt(
      attendanceID: 41, memberID: 1, memberName: "Sara Haddad", action: .checkInOnly,
      deducted: 0, remaining: nil, subscriptionID: 1003, kind: .time, checkedInAt: Sandbox.now)
    let rendered = Reports.receipt(receipt).rendered
    #expect(
      rendered.hasPrefix(
        #"{"attendance_id":41,"customer_id":1,"customer_name":"Sara Haddad","#
          + #""action":"check_in_only","deducted":0,"remaining":null,"subscription_id":1003,"#))
    #expect(try JSON.object(rendered).string("checked_in_at") == "2026-03-15T08:00:00.000Z")
  }
}
