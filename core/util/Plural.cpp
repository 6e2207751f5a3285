#include "util/Plural.h"

namespace cq {

QString englishPlural(QString translated, qsizetype count) {
    return translated.replace(QStringLiteral("(s)"), count == 1 ? QString() : QStringLiteral("s"));
}

} // namespace cq
