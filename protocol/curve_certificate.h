#pragma once
// CURVE key pairs in ZeroMQ's certificate files, the ZPL text CZMQ's zcert
// writes (NAME.key public, NAME.key_secret secret, mode 0600), so the usual
// tools read what Rollcall writes and the other way round; and applying them
// to a socket as a CURVE server or client (docs/protocol.md §11).

#include <map>
#include <string>

namespace zmq {
class socket_t;
} // namespace zmq

namespace rollcall::protocol {

/// A CURVE key pair (Z85, 40 characters each) with zcert's metadata
/// (Rollcall writes name, role and, for a reader, reader). `secretKey` is
/// empty when read from a public file.
struct CurveCertificate {
    std::string publicKey;
    std::string secretKey;
    std::map<std::string, std::string> metadata;

    [[nodiscard]] std::string meta(const std::string& key) const
    {
        const auto it = metadata.find(key);
        return it == metadata.end() ? std::string() : it->second;
    }
};

/// A fresh key pair from libzmq (zmq_curve_keypair) with `metadata`.
[[nodiscard]] CurveCertificate generateCurveCertificate(std::map<std::string, std::string> metadata);

/// Writes DIR/NAME.key (public) and DIR/NAME.key_secret (mode 0600, created
/// so from the start); returns the public file's path. Throws InputError if
/// either exists or cannot be written.
std::string writeCurveCertificate(const CurveCertificate& cert, const std::string& dir, const std::string& name);

/// Reads a public or secret certificate file. Throws InputError naming the
/// file (and line) for a missing file, a bad line or a key that is not Z85.
[[nodiscard]] CurveCertificate readCurveCertificate(const std::string& path);

/// The same, and the file must hold a secret key.
[[nodiscard]] CurveCertificate readCurveSecretCertificate(const std::string& path);

/// True if `key` is 40 characters of Z85 that decode to 32 bytes.
[[nodiscard]] bool isZ85Key(const std::string& key);

/// Z85 of a 32-byte binary key (as a ZAP request carries it).
[[nodiscard]] std::string z85FromBinaryKey(const void* data, std::size_t size);

/// Makes `socket` a CURVE server (before bind) with `zapDomain` for the ZAP handler.
void makeCurveServer(zmq::socket_t& socket, const CurveCertificate& server, const std::string& zapDomain);

/// Makes `socket` a CURVE client of the server whose public key is `serverPublicKey` (before connect).
void makeCurveClient(zmq::socket_t& socket, const CurveCertificate& client, const std::string& serverPublicKey);

} // namespace rollcall::protocol
