#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>
#include <utility>

namespace cq {

// The stable spellings of an enum's values (in the database, the CLI and JSON), as one table per
// enum: `names` is an array of {value, "name"} pairs.
template<typename Enum, typename Table>
QString enumName(const Table &names, Enum value, const char *fallback) {
    for (const auto &[each, name] : names) {
        if (each == value) {
            return QString::fromLatin1(name);
        }
    }
    return QString::fromLatin1(fallback);
}

template<typename Enum, typename Table>
std::optional<Enum> enumFromName(const Table &names, const QString &name) {
    for (const auto &[each, text] : names) {
        if (name == QLatin1StringView(text)) {
            return each;
        }
    }
    return std::nullopt;
}

} // namespace cq
