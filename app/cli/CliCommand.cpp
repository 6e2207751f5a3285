#include "CliCommand.h"

namespace cq::cli {

std::optional<qint64> CliCommand::number(const QString &name, const QString &value, qint64 minimum,
                                         QTextStream &err) {
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || number < minimum) {
        err << "--" << name << " takes a whole number of at least " << minimum << ", not \"" << value
            << "\".\n";
        return std::nullopt;
    }
    return number;
}

void CliCommand::writeJson(QTextStream &out, const QJsonDocument &document) {
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out.flush();
}

} // namespace cq::cli
