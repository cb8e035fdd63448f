#include "hardware/emulator/pn532_chip.h"

#include "common/logging.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace rollcall::emulator {

namespace {

// PN532 command codes (user manual UM0701-02 §7).
enum Command : std::uint8_t {
    Diagnose = 0x00,
    GetFirmwareVersion = 0x02,
    GetGeneralStatus = 0x04,
    ReadRegister = 0x06,
    WriteRegister = 0x08,
    ReadGPIO = 0x0C,
    WriteGPIO = 0x0E,
    SetSerialBaudRate = 0x10,
    SetParameters = 0x12,
    SAMConfiguration = 0x14,
    PowerDown = 0x16,
    RFConfiguration = 0x32,
    InDataExchange = 0x40,
    InCommunicateThru = 0x42,
    InDeselect = 0x44,
    InListPassiveTarget = 0x4A,
    InRelease = 0x52,
    InSelect = 0x54,
    InAutoPoll = 0x60,
};

// Status bytes (UM0701-02 §7.1). Bit 7 must never be set: libnfc abort()s on it.
constexpr std::uint8_t kStatusOk = 0x00;
constexpr std::uint8_t kStatusTimeout = 0x01;      // target did not answer
constexpr std::uint8_t kStatusWrongContext = 0x27; // e.g. no target selected

constexpr std::uint16_t kRegP3 = 0xFFB0;
constexpr std::uint16_t kRegP7 = 0xFFF7;
constexpr std::uint8_t kParamAutoRats = 0x10;
constexpr std::uint8_t kInfiniteRetries = 0xFF;
constexpr std::uint8_t kPollForever = 0xFF;

// InAutoPoll target types that a 106 kbps type A card can answer (UM0701-02 §7.3.13).
constexpr std::uint8_t kTypeGeneric106A = 0x00;
constexpr std::uint8_t kTypeMifare = 0x10;
constexpr std::uint8_t kTypeIso14443_4A = 0x20;

} // namespace

Pn532Chip::Pn532Chip(double pollTimeScale) : pollTimeScale_(pollTimeScale) {}

std::optional<std::uint8_t> Pn532Chip::pendingCommand() const
{
    if (!pending_) {
        return std::nullopt;
    }
    return pending_->command;
}

std::optional<Pn532Chip::Clock::time_point> Pn532Chip::deadline() const
{
    if (!pending_) {
        return std::nullopt;
    }
    return pending_->deadline;
}

void Pn532Chip::setCard(std::optional<Pn532Card> card) { card_ = std::move(card); }

void Pn532Chip::reply(Frames& out, std::uint8_t command, std::span<const std::uint8_t> data)
{
    Bytes body{static_cast<std::uint8_t>(command + 1)};
    body.insert(body.end(), data.begin(), data.end());
    lastReply_ = Pn532FrameCodec::encodeReply(body);
    out.push_back(lastReply_);
}

void Pn532Chip::replyError(Frames& out)
{
    lastReply_ = Pn532FrameCodec::errorFrame();
    out.push_back(lastReply_);
}

Pn532Chip::Frames Pn532Chip::onEvent(const Pn532FrameCodec::Event& event, Clock::time_point now)
{
    const auto log = common::namedLogger("pn532-emulator");
    Frames out;
    switch (event.kind) {
    case Pn532FrameCodec::EventKind::Command: return onCommand(event.payload, now);
    case Pn532FrameCodec::EventKind::Ack:
        // The host gave up on the pending command (nfc_abort_command or a
        // timeout): drop it so no answer arrives after the host moved on.
        if (pending_) {
            log->debug("abort: dropped pending command {:02X}", pending_->command);
            pending_.reset();
            ++counters_.aborts;
        }
        break;
    case Pn532FrameCodec::EventKind::Nack:
        if (!lastReply_.empty()) {
            out.push_back(lastReply_);
        }
        break;
    case Pn532FrameCodec::EventKind::BadChecksum:
        // The chip ignores a corrupt frame; the host times out and retries.
        log->warn("ignored frame with bad checksum");
        ++counters_.badFrames;
        break;
    case Pn532FrameCodec::EventKind::ForeignFrame: log->debug("ignored frame not addressed to the chip"); break;
    }
    return out;
}

Pn532Chip::Frames Pn532Chip::onCommand(std::span<const std::uint8_t> p, Clock::time_point now)
{
    const auto log = common::namedLogger("pn532-emulator");
    Frames out;
    if (p.empty()) {
        out.push_back(Pn532FrameCodec::ackFrame());
        replyError(out);
        ++counters_.unknownCommands;
        return out;
    }
    if (pending_) {
        // A new command supersedes one still running, as on the chip.
        log->debug("command {:02X} replaces pending {:02X}", p[0], pending_->command);
        pending_.reset();
    }
    ++counters_.commands;
    out.push_back(Pn532FrameCodec::ackFrame());
    const std::uint8_t code = p[0];
    switch (code) {
    case Diagnose: diagnose(out, p); break;
    case GetFirmwareVersion:
        reply(out, code, std::array<std::uint8_t, 4>{0x32, 0x01, 0x06, 0x07}); // PN532 v1.6, ISO A/B + ISO18092
        break;
    case GetGeneralStatus: {
        Bytes data{0x00, static_cast<std::uint8_t>(fieldOn_ ? 1 : 0)};
        if (selectedPresent()) {
            data.insert(data.end(), {0x01, 0x01, 0x00, 0x00, 0x10}); // NbTg, Tg, BrRx, BrTx, Type
        } else {
            data.push_back(0x00);
        }
        data.push_back(0x00); // SAM status
        reply(out, code, data);
        break;
    }
    case ReadRegister: readRegister(out, p); break;
    case WriteRegister: writeRegister(out, p); break;
    case ReadGPIO:
        reply(out, code, std::array<std::uint8_t, 3>{p3_, p7_, 0x00}); // I0I1 = 00: HSU interface
        break;
    case WriteGPIO: writeGpio(out, p); break;
    case SetSerialBaudRate:
    case SAMConfiguration: reply(out, code, {}); break;
    case SetParameters:
        if (p.size() >= 2) {
            parameters_ = p[1];
        }
        reply(out, code, {});
        break;
    case PowerDown:
        // Power-down drops the RF field, so any activated card resets.
        selectedUid_.reset();
        fieldOn_ = false;
        reply(out, code, std::array<std::uint8_t, 1>{kStatusOk});
        break;
    case RFConfiguration: rfConfiguration(out, p); break;
    case InDataExchange:
    case InCommunicateThru: exchange(out, p); break;
    case InDeselect:
    case InRelease:
        selectedUid_.reset();
        reply(out, code, std::array<std::uint8_t, 1>{kStatusOk});
        break;
    case InSelect: {
        std::uint8_t status = kStatusTimeout;
        if (knownUid_ && card_ && card_->uid() == *knownUid_) {
            selectedUid_ = knownUid_;
            status = kStatusOk;
        }
        reply(out, code, std::array<std::uint8_t, 1>{status});
        break;
    }
    case InListPassiveTarget: listPassiveTarget(out, p); break;
    case InAutoPoll: autoPoll(out, p, now); break;
    default:
        log->warn("unknown command {:02X}: answering with the error frame", code);
        replyError(out);
        ++counters_.unknownCommands;
        break;
    }
    return out;
}

void Pn532Chip::diagnose(Frames& out, std::span<const std::uint8_t> p)
{
    const std::uint8_t test = p.size() >= 2 ? p[1] : 0xFF;
    switch (test) {
    case 0x00: // communication line test: echo NumTst and the data
        reply(out, Diagnose, p.subspan(1));
        return;
    case 0x01: // ROM test
    case 0x02: // RAM test
        reply(out, Diagnose, std::array<std::uint8_t, 1>{kStatusOk});
        return;
    case 0x06: // card presence (attention request / ISO14443-4 presence)
        reply(out, Diagnose, std::array<std::uint8_t, 1>{selectedPresent() ? kStatusOk : kStatusTimeout});
        return;
    default:
        replyError(out);
        ++counters_.unknownCommands;
        return;
    }
}

void Pn532Chip::readRegister(Frames& out, std::span<const std::uint8_t> p)
{
    if (p.size() < 3 || (p.size() - 1) % 2 != 0) {
        replyError(out);
        return;
    }
    Bytes values;
    for (std::size_t i = 1; i + 1 < p.size(); i += 2) {
        const auto address = static_cast<std::uint16_t>((p[i] << 8) | p[i + 1]);
        if (address == kRegP3) {
            values.push_back(p3_);
        } else if (address == kRegP7) {
            values.push_back(p7_);
        } else {
            const auto it = registers_.find(address);
            values.push_back(it == registers_.end() ? 0x00 : it->second);
        }
    }
    reply(out, ReadRegister, values);
}

void Pn532Chip::writeRegister(Frames& out, std::span<const std::uint8_t> p)
{
    if (p.size() < 4 || (p.size() - 1) % 3 != 0) {
        replyError(out);
        return;
    }
    for (std::size_t i = 1; i + 2 < p.size(); i += 3) {
        const auto address = static_cast<std::uint16_t>((p[i] << 8) | p[i + 1]);
        const std::uint8_t value = p[i + 2];
        if (address == kRegP3 || address == kRegP7) {
            // Some hosts drive the GPIO through the SFRs instead of WriteGPIO.
            (address == kRegP3 ? p3_ : p7_) = value & (address == kRegP3 ? 0x3F : 0x06);
            lastGpio_ = Pn532Gpio{static_cast<std::uint8_t>(p3_ | 0x80), static_cast<std::uint8_t>(p7_ | 0x80)};
            ++counters_.gpioWrites;
        } else {
            registers_[address] = value;
        }
    }
    reply(out, WriteRegister, {});
}

void Pn532Chip::writeGpio(Frames& out, std::span<const std::uint8_t> p)
{
    if (p.size() < 3) {
        replyError(out);
        return;
    }
    // Bit 7 of each port byte says whether to apply it (UM0701-02 §7.2.7);
    // only P3.0-5 and P7.1-2 exist as pins.
    if (p[1] & 0x80) {
        p3_ = p[1] & 0x3F;
    }
    if (p[2] & 0x80) {
        p7_ = p[2] & 0x06;
    }
    lastGpio_ = Pn532Gpio{p[1], p[2]};
    common::namedLogger("pn532-emulator")->info("GPIO write P3={:02X} P7={:02X}", p[1], p[2]);
    ++counters_.gpioWrites;
    reply(out, WriteGPIO, {});
}

void Pn532Chip::rfConfiguration(Frames& out, std::span<const std::uint8_t> p)
{
    if (p.size() < 2) {
        replyError(out);
        return;
    }
    const std::uint8_t item = p[1];
    if (item == 0x01 && p.size() >= 3) {
        fieldOn_ = (p[2] & 0x01) != 0;
        if (!fieldOn_) {
            selectedUid_.reset(); // an unpowered card loses its state
        }
    } else if (item == 0x05 && p.size() >= 5) {
        // MaxRetries: MxRtyATR, MxRtyPSL, MxRtyPassiveActivation. 0xFF is
        // libnfc's "infinite select": keep searching until a card comes.
        maxRetriesPassive_ = p[4];
    }
    reply(out, RFConfiguration, {});
}

void Pn532Chip::exchange(Frames& out, std::span<const std::uint8_t> p)
{
    const std::uint8_t code = p[0];
    std::span<const std::uint8_t> data = p.subspan(1);
    if (code == InDataExchange) {
        if (data.empty()) {
            replyError(out);
            return;
        }
        const std::uint8_t tg = data[0] & 0x0F;
        data = data.subspan(1);
        if (tg != 1 || !selectedUid_) {
            reply(out, code, std::array<std::uint8_t, 1>{kStatusWrongContext});
            return;
        }
    } else if (!selectedUid_) {
        // Raw transmission needs no selected target; with none activated
        // nothing answers (nfc-list probes ISO14443-B' / ST SRx this way).
        reply(out, code, std::array<std::uint8_t, 1>{kStatusTimeout});
        return;
    }
    // A removed (or swapped) card does not answer: status 01 "timeout",
    // which libnfc's presence checks turn into NFC_ETGRELEASED.
    const auto answer = selectedPresent() ? card_->respond(data) : std::nullopt;
    if (!answer) {
        reply(out, code, std::array<std::uint8_t, 1>{kStatusTimeout});
        return;
    }
    Bytes body{kStatusOk};
    body.insert(body.end(), answer->begin(), answer->end());
    reply(out, code, body);
}

void Pn532Chip::reportCard(Frames& out, std::uint8_t command, std::uint8_t type, bool withAts, bool reselect)
{
    const Bytes target = card_->targetData(0x01, withAts);
    Bytes data{0x01};
    if (command == InAutoPoll) {
        data.push_back(type);
        data.push_back(static_cast<std::uint8_t>(target.size()));
    }
    data.insert(data.end(), target.begin(), target.end());
    selectedUid_ = card_->uid();
    knownUid_ = card_->uid();
    fieldOn_ = true;
    common::namedLogger("pn532-emulator")
        ->debug("reporting card {} ({})", Pn532Card::formatUid(card_->uid()), cardTypeName(card_->type()));
    reply(out, command, data);
    ++(reselect ? counters_.reselects : counters_.cardReports);
}

void Pn532Chip::listPassiveTarget(Frames& out, std::span<const std::uint8_t> p)
{
    ++counters_.listPassiveTargets;
    if (p.size() < 3 || p[1] < 1 || p[1] > 2) {
        replyError(out);
        return;
    }
    const std::uint8_t baudType = p[2];
    const std::span<const std::uint8_t> initiatorData = p.subspan(3);
    selectedUid_.reset(); // listing starts a new activation
    const bool typeA = baudType == 0x00;
    const bool matches = typeA && card_ && (initiatorData.empty() || std::ranges::equal(initiatorData, card_->uid()));
    if (matches) {
        const bool withAts = (card_->sak() & 0x20) && (parameters_ & kParamAutoRats);
        reportCard(out, InListPassiveTarget, 0, withAts, !initiatorData.empty());
        return;
    }
    // With infinite retries and no UID the chip searches until a card comes,
    // and libnfc waits for it without a timeout. A re-select by UID is a
    // presence check with a host timeout: answer "none" at once rather than
    // risk answering after the host gave up.
    if (typeA && maxRetriesPassive_ == kInfiniteRetries && initiatorData.empty()) {
        pending_ = Pending{InListPassiveTarget, {}, std::nullopt};
        return;
    }
    reply(out, InListPassiveTarget, std::array<std::uint8_t, 1>{0x00});
    ++counters_.emptyReports;
}

std::optional<std::uint8_t> Pn532Chip::matchAutoPollType(const Bytes& types) const
{
    if (!card_) {
        return std::nullopt;
    }
    for (auto type : types) {
        if (type == kTypeGeneric106A || type == kTypeMifare) {
            return type;
        }
        if (type == kTypeIso14443_4A && (card_->sak() & 0x20)) {
            return type;
        }
    }
    return std::nullopt;
}

void Pn532Chip::autoPoll(Frames& out, std::span<const std::uint8_t> p, Clock::time_point now)
{
    ++counters_.autoPolls;
    // PollNr (1..FE, FF = forever), Period (1..F, units of 150 ms), 1..15 types.
    if (p.size() < 4 || p[1] == 0 || p[2] == 0 || p[2] > 0x0F || p.size() - 3 > 15) {
        replyError(out);
        return;
    }
    Pending poll{InAutoPoll, Bytes(p.begin() + 3, p.end()), std::nullopt};
    if (p[1] != kPollForever) {
        const double ms = p[1] * static_cast<double>(poll.types.size()) * p[2] * 150.0 * pollTimeScale_;
        poll.deadline = now + std::chrono::microseconds(std::llround(ms * 1000.0));
    }
    selectedUid_.reset();
    pending_ = std::move(poll);
    serviceInto(out, now);
}

Pn532Chip::Frames Pn532Chip::service(Clock::time_point now)
{
    Frames out;
    serviceInto(out, now);
    return out;
}

void Pn532Chip::serviceInto(Frames& out, Clock::time_point now)
{
    if (!pending_) {
        return;
    }
    if (pending_->command == InAutoPoll) {
        if (const auto type = matchAutoPollType(pending_->types)) {
            pending_.reset();
            reportCard(out, InAutoPoll, *type, *type == kTypeIso14443_4A);
        } else if (pending_->deadline && now >= *pending_->deadline) {
            pending_.reset();
            reply(out, InAutoPoll, std::array<std::uint8_t, 1>{0x00});
            ++counters_.emptyReports;
        }
    } else if (pending_->command == InListPassiveTarget && card_) {
        pending_.reset();
        const bool withAts = (card_->sak() & 0x20) && (parameters_ & kParamAutoRats);
        reportCard(out, InListPassiveTarget, 0, withAts);
    }
}

} // namespace rollcall::emulator
