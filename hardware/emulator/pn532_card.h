#pragma once
// The cards the PN532 emulator puts in the field: UID, type, and what they answer.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rollcall::emulator {

/// The kinds of ISO14443-A card the emulator can put in the field.
enum class CardType {
    MifareClassic1K,  ///< ATQA 00 04, SAK 08 (usual for 4-byte UIDs)
    MifareUltralight, ///< ATQA 00 44, SAK 00 (usual for 7-byte UIDs)
    Iso14443_4        ///< SAK 20 with an ATS (DESFire, JCOP, phones)
};

/// Name used on the control socket: "classic", "ultralight" or "iso14443-4".
[[nodiscard]] std::string_view cardTypeName(CardType type) noexcept;
[[nodiscard]] std::optional<CardType> parseCardType(std::string_view name) noexcept;

/// One emulated card: its UID, type and the bytes a PN532 reports for it.
///
/// Construction validates the UID (4, 7 or 10 bytes) and throws
/// std::invalid_argument otherwise; everything else is a pure query.
class Pn532Card {
public:
    /// `type` defaults by UID length: 4 bytes -> Classic 1K, otherwise Ultralight.
    explicit Pn532Card(std::vector<std::uint8_t> uid, std::optional<CardType> type = std::nullopt);

    /// Parses hex in any case with optional ':' or '-' separators ("04:a1:B2:c3").
    /// Returns nullopt for anything else (odd digit count, bad length, stray characters).
    [[nodiscard]] static std::optional<std::vector<std::uint8_t>> parseUid(std::string_view text);
    /// Upper-case hex without separators, the form libnfc tools print.
    [[nodiscard]] static std::string formatUid(std::span<const std::uint8_t> uid);

    [[nodiscard]] const std::vector<std::uint8_t>& uid() const noexcept { return uid_; }
    [[nodiscard]] CardType type() const noexcept { return type_; }
    [[nodiscard]] std::array<std::uint8_t, 2> atqa() const noexcept;
    [[nodiscard]] std::uint8_t sak() const noexcept;
    /// ATS including its length byte TL, as InListPassiveTarget appends it; empty unless ISO14443-4.
    [[nodiscard]] std::vector<std::uint8_t> ats() const;

    /// Target data of InListPassiveTarget / InAutoPoll for 106 kbps type A:
    /// Tg ATQA SAK NFCIDLength NFCID [ATS].
    [[nodiscard]] std::vector<std::uint8_t> targetData(std::uint8_t tg, bool withAts) const;

    /// What the card answers to a raw command from the reader (CRC handled by
    /// the chip), or nullopt when a real card would stay silent.
    [[nodiscard]] std::optional<std::vector<std::uint8_t>> respond(std::span<const std::uint8_t> command) const;

    friend bool operator==(const Pn532Card&, const Pn532Card&) = default;

private:
    std::vector<std::uint8_t> uid_;
    CardType type_;
    std::vector<std::uint8_t> memory_; // Ultralight pages / Classic blocks as READ returns them
};

} // namespace rollcall::emulator
