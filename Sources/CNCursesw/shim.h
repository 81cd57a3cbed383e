#ifndef ONDERDAK_CNCURSESW_SHIM_H
#define ONDERDAK_CNCURSESW_SHIM_H
/* Wide-character ncurses: these must come before the header or get_wch/add_wch vanish. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros Swift cannot import, wrapped as functions. Never hard-code attribute bits. */
static inline int od_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int od_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline WINDOW *od_stdscr(void) { return stdscr; }
static inline attr_t od_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t od_a_bold(void) { return A_BOLD; }
static inline attr_t od_a_reverse(void) { return A_REVERSE; }
static inline attr_t od_a_underline(void) { return A_UNDERLINE; }
static inline attr_t od_a_dim(void) { return A_DIM; }
static inline attr_t od_a_normal(void) { return A_NORMAL; }
static inline int od_key_resize(void) { return KEY_RESIZE; }
static inline int od_key_code_yes(void) { return KEY_CODE_YES; }
static inline int od_err(void) { return ERR; }
static inline int od_key_f(int n) { return KEY_F(n); }

/* Draw one grapheme (up to 5 code points) with attributes at y,x. */
static inline int od_put_cell(int y, int x, const wchar_t *wcs, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wcs, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}
#endif
