#pragma once

#include <QString>

namespace cq {

// Core's user-facing texts go through QCoreApplication::translate with plural forms ("%n photo(s)").
// The window installs translators: German, and English's forms from translations/clipqueue_en.ts. The
// command-line tool stays English and installs none, so there the source text comes back as written:
// this turns its "(s)" into English's "1 photo" / "2 photos". Translated text passes unchanged.
QString englishPlural(QString translated, qsizetype count);

} // namespace cq
