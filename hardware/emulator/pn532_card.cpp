#include "hardware/emulator/pn532_card.h"

#include <cctype>
#include <stdexcept>

namespace rollcall::emulator {

namespace {

constexpr std::uint8_t kCascadeTag = 0x88;
constexpr std::uint8_t kRead = 0x30;

bool validUidLength(std::size_t n) { return n == 4 || n == 7 || n == 10; }

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const int lower = std::tolower(static_cast<unsigned char>(c));
    if (lower >= 'a' && lower <= 'f') {
        return lower - 'a' + 10;
    }
    return -1;
}

} // namespace

std::string_view cardTypeName(CardType type) noexcept
{
    switch (type) {
    case CardType::MifareClassic1K: return "classic";
    case CardType::MifareUltralight: return "ultralight";
    case CardType::Iso14443_4: return "iso14443-4";
    }
    return "unknown";
}

std::optional<CardType> parseCardType(std::string_view name) noexcept
{
    for (auto type : {CardType::MifareClassic1K, CardType::MifareUltralight, CardType::Iso14443_4}) {
        if (name == cardTypeName(type)) {
            return type;
        }
    }
    return std::nullopt;
}

Pn532Card::Pn532Card(std::vector<std::uint8_t> uid, std::optional<CardType> type)
    : uid_(std::move(uid)),
      type_(type.value_or(uid_.size() == 4 ? CardType::MifareClassic1K : CardType::MifareUltralight))
{
    if (!validUidLength(uid_.size())) {
        throw std::invalid_argument("UID must be 4, 7 or 10 bytes, got " + std::to_string(uid_.size()));
    }
    // Memory as a READ returns it: Ultralight pages 0-15 (UID, BCCs, lock,
    // OTP, user data), Classic 1K blocks 0-63 (block 0 = UID, BCC, SAK, ATQA).
    // Enough for a reader's presence check; contents beyond that are zero.
    if (type_ == CardType::MifareUltralight) {
        memory_.assign(64, 0x00);
        const std::size_t n = std::min<std::size_t>(uid_.size(), 7);
        std::vector<std::uint8_t> u(uid_.begin(), uid_.begin() + static_cast<std::ptrdiff_t>(n));
        u.resize(7, 0x00);
        memory_[0] = u[0];
        memory_[1] = u[1];
        memory_[2] = u[2];
        memory_[3] = static_cast<std::uint8_t>(kCascadeTag ^ u[0] ^ u[1] ^ u[2]);
        memory_[4] = u[3];
        memory_[5] = u[4];
        memory_[6] = u[5];
        memory_[7] = u[6];
        memory_[8] = static_cast<std::uint8_t>(u[3] ^ u[4] ^ u[5] ^ u[6]);
    } else if (type_ == CardType::MifareClassic1K) {
        memory_.assign(64 * 16, 0x00);
        std::uint8_t bcc = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            memory_[i] = uid_[i];
            bcc ^= uid_[i];
        }
        memory_[4] = bcc;
        memory_[5] = sak();
        memory_[6] = atqa()[1];
        memory_[7] = atqa()[0];
    }
}

std::optional<std::vector<std::uint8_t>> Pn532Card::parseUid(std::string_view text)
{
    std::vector<std::uint8_t> uid;
    int high = -1;
    for (char c : text) {
        if (c == ':' || c == '-') {
            if (high >= 0) {
                return std::nullopt; // separator inside a byte
            }
            continue;
        }
        const int v = hexValue(c);
        if (v < 0) {
            return std::nullopt;
        }
        if (high < 0) {
            high = v;
        } else {
            uid.push_back(static_cast<std::uint8_t>((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0 || !validUidLength(uid.size())) {
        return std::nullopt;
    }
    return uid;
}

std::string Pn532Card::formatUid(std::span<const std::uint8_t> uid)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (auto b : uid) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0F]);
    }
    return out;
}

std::array<std::uint8_t, 2> Pn532Card::atqa() const noexcept
{
    // ATQA bits 7-6 give the UID size: 00 single, 01 double, 10 triple.
    const std::uint8_t size = uid_.size() == 4 ? 0x00 : (uid_.size() == 7 ? 0x40 : 0x80);
    switch (type_) {
    case CardType::MifareClassic1K: return {0x00, static_cast<std::uint8_t>(0x04 | size)};
    case CardType::MifareUltralight: return {0x00, static_cast<std::uint8_t>(0x04 | size)};
    case CardType::Iso14443_4: return {0x03, static_cast<std::uint8_t>(0x04 | size)};
    }
    return {0x00, 0x04};
}

std::uint8_t Pn532Card::sak() const noexcept
{
    switch (type_) {
    case CardType::MifareClassic1K: return 0x08;
    case CardType::MifareUltralight: return 0x00;
    case CardType::Iso14443_4: return 0x20;
    }
    return 0x00;
}

std::vector<std::uint8_t> Pn532Card::ats() const
{
    if (type_ != CardType::Iso14443_4) {
        return {};
    }
    // TL T0 TA TB TC + one historical byte (a DESFire EV1's ATS).
    return {0x06, 0x75, 0x77, 0x81, 0x02, 0x80};
}

std::vector<std::uint8_t> Pn532Card::targetData(std::uint8_t tg, bool withAts) const
{
    std::vector<std::uint8_t> out;
    out.reserve(16);
    out.push_back(tg);
    for (auto b : atqa()) {
        out.push_back(b);
    }
    out.push_back(sak());
    out.push_back(static_cast<std::uint8_t>(uid_.size()));
    out.insert(out.end(), uid_.begin(), uid_.end());
    if (withAts) {
        const auto t = ats();
        out.insert(out.end(), t.begin(), t.end());
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> Pn532Card::respond(std::span<const std::uint8_t> command) const
{
    if (command.empty()) {
        return std::nullopt;
    }
    switch (type_) {
    case CardType::MifareUltralight:
    case CardType::MifareClassic1K: {
        if (command[0] != kRead || command.size() < 2) {
            return std::nullopt; // writes, auth, etc. are not modelled: the card stays silent
        }
        // Ultralight READ returns 4 pages from the given one, wrapping; Classic a 16-byte block.
        const std::size_t unit = type_ == CardType::MifareUltralight ? 4 : 16;
        const std::size_t start = (command[1] * unit) % memory_.size();
        std::vector<std::uint8_t> out;
        for (std::size_t i = 0; i < 16; ++i) {
            out.push_back(memory_[(start + i) % memory_.size()]);
        }
        return out;
    }
    case CardType::Iso14443_4: {
        const std::uint8_t pcb = command[0];
        if ((pcb & 0xE2) == 0xA2) {
            // R-block (ACK or NAK): answer R(ACK) with our block number, which
            // is how a PICC says "still here" (ISO14443-4 7.5.4).
            return std::vector<std::uint8_t>{static_cast<std::uint8_t>(0xA2 | (pcb & 0x01))};
        }
        if ((pcb & 0xE2) == 0x02) {
            // I-block carrying an APDU: no applications are modelled, so every
            // APDU gets "instruction not supported".
            return std::vector<std::uint8_t>{static_cast<std::uint8_t>(pcb & 0x03), 0x6D, 0x00};
        }
        if ((pcb & 0xF7) == 0xC2) {
            return std::vector<std::uint8_t>{pcb}; // S(DESELECT) is echoed
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

} // namespace rollcall::emulator
