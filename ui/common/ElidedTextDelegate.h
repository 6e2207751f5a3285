#pragma once

#include <QCache>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace cq::ui {

// Draws one line of text elided to its cell, keeping the laid-out line (a QStaticText) for the next
// paint: shaping text is slow for colour emoji (Qt decodes the glyph's bitmap each time) and a table
// repaints its rows on every scroll, hover and selection change. For columns of free text such as
// captions; everything else (background, selection, focus) is the style's.
class ElidedTextDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit ElidedTextDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    const QStaticText &line(const QString &text, const QFont &font, const QFontMetrics &metrics,
                            int width) const;

    mutable QCache<QString, QStaticText> m_lines;
};

} // namespace cq::ui
