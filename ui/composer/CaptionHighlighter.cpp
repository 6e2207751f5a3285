#include "composer/CaptionHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace cq::ui {

CaptionHighlighter::CaptionHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document) {
}

const QRegularExpression &CaptionHighlighter::pattern() {
    // A # or @ at the start or after a space, then letters, digits, '_' or '.' (TikTok usernames
    // may contain dots; a trailing dot ends a sentence, not the tag).
    static const QRegularExpression tag(QStringLiteral(R"((?<![\w@#])([#@][\w.]*\w))"),
                                        QRegularExpression::UseUnicodePropertiesOption);
    return tag;
}

QStringList CaptionHighlighter::tagsIn(const QString &text) {
    QStringList tags;
    for (const QRegularExpressionMatch &match : pattern().globalMatch(text)) {
        tags << match.captured(1);
    }
    return tags;
}

void CaptionHighlighter::highlightBlock(const QString &text) {
    QTextCharFormat format;
    format.setForeground(QGuiApplication::palette().color(QPalette::Link));
    format.setFontWeight(QFont::DemiBold);
    for (const QRegularExpressionMatch &match : pattern().globalMatch(text)) {
        setFormat(int(match.capturedStart(1)), int(match.capturedLength(1)), format);
    }
}

} // namespace cq::ui
