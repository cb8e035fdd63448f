#include "hub/reports/document.h"

#include "hub/reports/labels.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace rollcall::reports {
namespace fs = std::filesystem;

std::string Cell::text() const
{
    if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
    if (const auto* f = std::get_if<FormattedNumber>(&value)) return f->text;
    return std::get<std::string>(value);
}

Cell Cell::rate(std::optional<double> fraction)
{
    if (!fraction) return Cell(formatRate(fraction));
    return Cell(FormattedNumber{*fraction, formatRate(fraction), "0.0%"});
}

std::vector<GridRow> documentGrid(const Document& doc)
{
    using K = GridRow::Kind;
    std::vector<GridRow> grid;
    grid.push_back({K::Title, {doc.title}});
    for (const auto& line : doc.subtitle) grid.push_back({K::Subtitle, {line}});
    for (const auto& section : doc.sections) {
        grid.push_back({K::Blank, {}});
        if (!section.heading.empty()) grid.push_back({K::Heading, {section.heading}});
        GridRow header{K::Header, {}};
        for (const auto& c : section.columns) header.cells.emplace_back(c.header);
        grid.push_back(std::move(header));
        for (const auto& row : section.rows) grid.push_back({K::Data, row});
        if (section.rows.empty() && !section.emptyText.empty()) grid.push_back({K::Note, {section.emptyText}});
        for (const auto& note : section.notes) grid.push_back({K::Note, {note}});
    }
    if (!doc.footer.empty()) {
        grid.push_back({K::Blank, {}});
        grid.push_back({K::Footer, {doc.footer}});
    }
    return grid;
}

Format parseFormat(std::string_view text)
{
    if (text == "csv") return Format::Csv;
    if (text == "xlsx") return Format::Xlsx;
    if (text == "pdf") return Format::Pdf;
    throw common::InputError("--format: \"" + std::string(text) + "\" is not csv, xlsx or pdf");
}

std::optional<Format> formatFromPath(const std::string& path)
{
    auto ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") return Format::Csv;
    if (ext == ".xlsx") return Format::Xlsx;
    if (ext == ".pdf") return Format::Pdf;
    return std::nullopt;
}

void checkWritable(const std::string& path, std::string_view option)
{
    if (path.empty()) throw common::InputError(std::string(option) + " must name a file");
    const fs::path p(path);
    if (fs::is_directory(p)) throw common::InputError(std::string(option) + ": " + path + " is a directory");
    const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw common::InputError(std::string(option) + ": cannot write " + path + ": directory " + dir.string()
                                 + " does not exist");
    }
    if (::access(dir.c_str(), W_OK) != 0) {
        throw common::InputError(std::string(option) + ": cannot write " + path + ": " + std::strerror(errno));
    }
}

namespace {

std::string tempNameFor(const std::string& path)
{
    const fs::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".tmp" + std::to_string(::getpid()))).string();
}

void commitTemp(const std::string& temp, const std::string& path)
{
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw common::InputError("cannot write " + path + ": " + ec.message());
    }
}

} // namespace

void writeTextFile(const std::string& path, const std::string& text)
{
    checkWritable(path, "--output");
    const auto temp = tempNameFor(path);
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(temp, ec);
            throw common::InputError("cannot write " + path);
        }
    }
    commitTemp(temp, path);
}

void writeDocument(const Document& doc, Format format, const std::string& path)
{
    checkWritable(path, "--output");
    const auto temp = tempNameFor(path);
    try {
        switch (format) {
        case Format::Csv: writeCsv(doc, temp); break;
        case Format::Xlsx: writeXlsx(doc, temp); break;
        case Format::Pdf: writePdf(doc, temp); break;
        }
    } catch (...) {
        std::error_code ec;
        fs::remove(temp, ec);
        throw;
    }
    commitTemp(temp, path);
}

} // namespace rollcall::reports
