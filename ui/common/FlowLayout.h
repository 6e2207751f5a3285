#pragma once

#include <QLayout>
#include <QList>

namespace cq::ui {

// Lays its items out in rows like words in a paragraph, wrapping when the row is full: a row of
// buttons that stays whole in a narrow side panel. (Qt has none; this follows Qt's flow layout
// example.)
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    QSize minimumSize() const override;
    QSize sizeHint() const override { return minimumSize(); }
    void setGeometry(const QRect &rect) override;

private:
    // Places the visible items in `rect` (only measures when `apply` is false); returns the height.
    int arrange(const QRect &rect, bool apply) const;
    int spacingOf(Qt::Orientation orientation) const;

    QList<QLayoutItem *> m_items;
};

} // namespace cq::ui
