#include "composer/CaptionHighlighter.h"

#include <QEvent>
#include <QPlainTextEdit>

namespace cq::ui {

CaptionHighlighter::CaptionHighlighter(QPlainTextEdit *edit)
    : QSyntaxHighlighter(edit->document())
    , m_edit(edit) {
    edit->installEventFilter(this);
}

bool CaptionHighlighter::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_edit && event->type() == QEvent::PaletteChange) {
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
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
    format.setForeground(m_edit->palette().color(QPalette::Link));
    format.setFontWeight(QFont::DemiBold);
    for (const QRegularExpressionMatch &match : pattern().globalMatch(text)) {
        setFormat(int(match.capturedStart(1)), int(match.capturedLength(1)), format);
    }
}

} // namespace cq::ui
