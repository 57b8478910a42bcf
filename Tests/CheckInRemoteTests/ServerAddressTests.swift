import Foundation
import Testing

@testable import CheckInRemote

/// Tokens and passwords go to a server over https only; plain http is for this machine.
@Suite struct ServerAddressTests {
  @Test(arguments: [
    "https://gym.example.com", "https://gym.example.com/", "http://127.0.0.1:5055",
    "http://localhost:8080", "http://[::1]:9000",
  ])
  func acceptsHTTPSAndLoopback(_ text: String) throws {
    let address = try ServerAddress(text)
    #expect(!address.url.absoluteString.hasSuffix("/"))
  }

  @Test func refusesPlainHTTPToAnotherMachine() {
    #expect(throws: ServerAddress.Problem.insecure("http://gym.example.com")) {
      try ServerAddress("http://gym.example.com")
    }
  }

  /// Names that merely start like a loopback address are looked up in DNS and may be anywhere;
  /// only real loopback addresses may have plain http.
  @Test(arguments: [
    "http://127.example.com", "http://127.0.0.1.nip.io:5055", "http://127.gym.example.com/api",
    "http://127.0.0.256", "http://127.1", "http://127.0.0.01", "http://127.0.0.1.",
    "http://localhost.example.com", "http://[::2]",
  ])
  func refusesPlainHTTPToNamesThatOnlyLookLikeLoopback(_ text: String) {
    #expect(throws: ServerAddress.Problem.self) { try ServerAddress(text) }
    #expect(!ServerAddress.isLoopback(URL(string: text)?.host ?? ""), "\(text)")
  }

  @Test(arguments: ["http://127.1.2.3:8080", "http://127.255.255.254", "http://LOCALHOST:5055"])
  func acceptsEveryLoopbackAddress(_ text: String) throws {
    #expect(try ServerAddress(text).url.scheme == "http")
  }

  @Test(arguments: ["", "gym.example.com", "ftp://gym.example.com", "https://"])
  func refusesWhatIsNotAnAddress(_ text: String) {
    #expect(throws: ServerAddress.Problem.self) { try ServerAddress(text) }
  }

  /// One server however it is written; another whenever the port or path prefix differs.
  @Test func theKeyNamesTheServerWhateverTheSpelling() throws {
    let spellings = [
      "https://gym.example.com", "https://GYM.example.com/", "https://gym.example.com:443",
      "HTTPS://gym.example.com//",
    ]
    let keys = try Set(spellings.map { try ServerAddress($0).key })
    #expect(keys == ["https://gym.example.com:443"])
    let others = [
      "https://gym.example.com/chain-a", "https://gym.example.com/chain-b",
      "https://gym.example.com:8443", "http://127.0.0.1:5055", "http://127.0.0.1:5056",
      "http://127.0.0.1:5055/api", "http://localhost:5055",
    ]
    let otherKeys = try others.map { try ServerAddress($0).key }
    #expect(Set(otherKeys).count == others.count)
    #expect(!otherKeys.contains("https://gym.example.com:443"))
    #expect(
      try ServerAddress("https://gym.example.com/chain-a/").key
        == "https://gym.example.com:443/chain-a")
  }

  /// File names stay apart even where turning a path into a name makes two alike.
  @Test func fileStemsAreReadableAndApart() throws {
    let stem = try ServerAddress("http://127.0.0.1:5055/chain-a").fileStem
    #expect(stem.hasPrefix("127.0.0.1-5055-chain-a-"), "\(stem)")
    // The README's example.
    #expect(
      try ServerAddress("https://gym.example.com/chain-a").fileStem
        == "gym.example.com-443-chain-a-e11858e9")
    let alike = try ["https://gym.example.com/a/b", "https://gym.example.com/a_b"].map {
      try ServerAddress($0).fileStem
    }
    #expect(alike[0] != alike[1])
    #expect(alike.allSatisfy { !$0.contains("/") })
    #expect(
      try ServerAddress("https://GYM.example.com").fileStem
        == ServerAddress("https://gym.example.com:443/").fileStem)
  }

  @Test func anAddressWithAPasswordIsRefusedWithoutEchoingIt() {
    #expect(throws: ServerAddress.Problem.credentials) {
      try ServerAddress("https://desk:s3cret@gym.example.com")
    }
    #expect(!ServerAddress.Problem.credentials.message.contains("s3cret"))
  }

  @Test(arguments: ["https://gym.example.com/?branch=1", "https://gym.example.com/#top"])
  func anAddressWithAQueryOrFragmentIsRefused(_ text: String) {
    #expect(throws: ServerAddress.Problem.self) { try ServerAddress(text) }
  }
}
