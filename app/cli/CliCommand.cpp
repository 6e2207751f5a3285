#include "CliCommand.h"

namespace cq::cli {

void CliCommand::writeJson(QTextStream &out, const QJsonDocument &document) {
    out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out.flush();
}

} // namespace cq::cli
