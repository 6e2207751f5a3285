#include "post/CsvPosts.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

namespace cq {

namespace {

// The context of the texts the window shows (translated there; English in the command-line tool).
class Text {
    Q_DECLARE_TR_FUNCTIONS(cq::CsvPosts)
};

struct CsvLine {
    int line = 0;
    QStringList cells;
};

// RFC 4180 records, with the line each starts on. Quoted cells may hold commas and line breaks.
QList<CsvLine> records(const QString &text) {
    QList<CsvLine> result;
    CsvLine current{1, {}};
    QString cell;
    bool quoted = false;
    int line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                line += c == u'\n' ? 1 : 0;
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            current.cells << cell;
            cell.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
                ++i;
            }
            current.cells << cell;
            cell.clear();
            if (!(current.cells.size() == 1 && current.cells.first().trimmed().isEmpty())) {
                result << current; // blank lines are skipped
            }
            current = CsvLine{++line, {}};
        } else {
            cell += c;
        }
    }
    current.cells << cell;
    if (!(current.cells.size() == 1 && current.cells.first().trimmed().isEmpty())) {
        result << current;
    }
    return result;
}

QString privacyLevel(const QString &cell) {
    static const QHash<QString, QString> words{
        {QStringLiteral("everyone"), QString::fromLatin1(privacy::PublicToEveryone)},
        {QStringLiteral("public"), QString::fromLatin1(privacy::PublicToEveryone)},
        {QStringLiteral("friends"), QString::fromLatin1(privacy::MutualFollowFriends)},
        {QStringLiteral("followers"), QString::fromLatin1(privacy::FollowerOfCreator)},
        {QStringLiteral("only me"), QString::fromLatin1(privacy::SelfOnly)},
        {QStringLiteral("private"), QString::fromLatin1(privacy::SelfOnly)},
    };
    const QString lower = cell.trimmed().toLower();
    if (words.contains(lower)) {
        return words.value(lower);
    }
    return privacy::allLevels().contains(cell.trimmed().toUpper()) ? cell.trimmed().toUpper() : QString();
}

// "2031-03-28T18:30" in `zone`; with an offset or Z, that instant. Invalid when unreadable or skipped by
// the clocks.
QDateTime readTime(const QString &cell, const QTimeZone &zone) {
    QString text = cell.trimmed();
    text.replace(u' ', u'T');
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid() || parsed.timeSpec() != Qt::LocalTime) {
        return parsed;
    }
    return QDateTime(parsed.date(), parsed.time(), zone);
}

// Reads the cells of one row into `row.post`; the first cell that cannot be read is its problem.
void readRow(const QHash<QString, int> &columns, const CsvLine &line, const QString &defaultZone,
             CsvPostRow &row) {
    const auto cell = [&](const char *name) {
        return line.cells.value(columns.value(QLatin1StringView(name), -1)).trimmed();
    };
    const QString file = cell("file").isEmpty() ? cell("url") : cell("file");
    if (file.isEmpty()) {
        row.problem = Text::tr("The file cell is empty: name the video or photo.");
        return;
    }
    MediaDescriptor media;
    media.url = file;
    row.post.media << media;
    row.post.text = line.cells.value(columns.value(QStringLiteral("caption"), -1));
    if (!cell("account").isEmpty()) {
        row.post.accounts = {cell("account")};
    }
    const QString zoneId = cell("zone").isEmpty() ? defaultZone : cell("zone");
    const QTimeZone zone(zoneId.toUtf8());
    if (!zone.isValid()) {
        row.problem =
            Text::tr("\"%1\" is not a time zone; use an IANA name such as Europe/Berlin.").arg(zoneId);
        return;
    }
    const QString time = cell("time");
    if (time.compare(u"queue", Qt::CaseInsensitive) == 0) {
        row.addToQueue = true;
    } else if (!time.isEmpty()) {
        const QDateTime at = readTime(time, zone);
        if (!at.isValid()) {
            row.problem =
                Text::tr("Cannot read the time \"%1\": write 2031-03-28T18:30, or \"queue\".").arg(time);
            return;
        }
        row.post.scheduledFor = at;
    }
    if (!cell("privacy").isEmpty()) {
        row.post.tiktok.privacyLevel = privacyLevel(cell("privacy"));
        if (row.post.tiktok.privacyLevel.isEmpty()) {
            row.problem = Text::tr("Unknown privacy \"%1\": everyone, friends, followers or only me.")
                              .arg(cell("privacy"));
            return;
        }
    }
    const QString allowed = cell("interactions").toLower();
    row.post.tiktok.disableComment = !allowed.contains(u"comment");
    row.post.tiktok.disableDuet = !allowed.contains(u"duet");
    row.post.tiktok.disableStitch = !allowed.contains(u"stitch");
}

} // namespace

std::expected<QList<CsvPostRow>, Error> parseCsvPosts(const QByteArray &csv, const QString &defaultZone) {
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    const QList<CsvLine> lines = records(text);
    if (lines.isEmpty()) {
        return std::unexpected(Error{ErrorCode::Usage, Text::tr("The CSV file is empty.")});
    }
    static const QStringList known{QStringLiteral("file"),    QStringLiteral("url"),
                                   QStringLiteral("caption"), QStringLiteral("time"),
                                   QStringLiteral("zone"),    QStringLiteral("account"),
                                   QStringLiteral("privacy"), QStringLiteral("interactions")};
    QHash<QString, int> columns;
    for (int i = 0; i < lines.first().cells.size(); ++i) {
        const QString name = lines.first().cells.at(i).trimmed().toLower();
        if (!known.contains(name)) {
            return std::unexpected(
                Error{ErrorCode::Usage,
                      Text::tr("Unknown column \"%1\"; the columns are %2.").arg(name, known.join(u", "))});
        }
        columns.insert(name, i);
    }
    if (!columns.contains(QStringLiteral("file")) && !columns.contains(QStringLiteral("url"))) {
        return std::unexpected(
            Error{ErrorCode::Usage, Text::tr("The CSV header needs a file (or url) column.")});
    }
    QList<CsvPostRow> rows;
    for (const CsvLine &line : lines.mid(1)) {
        CsvPostRow row;
        row.line = line.line;
        readRow(columns, line, defaultZone, row);
        rows << row;
    }
    return rows;
}

} // namespace cq
