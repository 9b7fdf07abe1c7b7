/* tandem-json-parser.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tandem-json-parser.h"

/* How it works: the parser keeps a stack of values, one slot for each
 * value of the lists and objects still open.  When a list or object ends,
 * its values are copied in one piece from the stack into the document's
 * blocks, so that every list's elements and every object's members lie
 * side by side, and the list or object itself fills the slot its parent
 * kept for it.  Strings are decoded into one buffer as long as the file:
 * a string's text and its NUL are never longer than its quotes and what
 * lies between them, so every string fits. */

G_DEFINE_QUARK (tandem-json-error-quark, tandem_json_error)

typedef struct _TandemJsonMember TandemJsonMember;

struct _TandemJsonNode
{
  TandemJsonType type;
  guint32        length;   /* of a list or object */
  union
  {
    gboolean                boolean;
    gint64                  integer;
    double                  number;
    const char             *string;
    const TandemJsonNode   *elements;
    const TandemJsonMember *members;
  } v;
};

/* A member of an object.  On the parser's stack, also an element of a
 * list, without a name. */
struct _TandemJsonMember
{
  const char     *name;
  guint32         hash;    /* of the name: most comparisons stop there */
  TandemJsonNode  value;
};

struct _TandemJsonDocument
{
  TandemJsonNode  root;
  char           *strings;  /* every string, one after another */
  GPtrArray      *blocks;   /* of elements and members */
};

/* A list or object being read. */
typedef struct
{
  gsize       start;      /* its first value on the stack; its own slot is before */
  gboolean    is_object;
  GHashTable *names;      /* of a big object, to find a name used twice; or NULL */
} Frame;

typedef struct
{
  const char         *data;
  const char         *end;
  const char         *p;           /* the next byte to read */
  char               *out;         /* where the next string goes */

  TandemJsonMember   *stack;
  gsize               stack_len;
  gsize               stack_size;
  Frame              *frames;
  guint               depth;
  guint               frames_size;
  guint               max_depth;

  char               *block;       /* what is left of the newest block */
  gsize               block_left;
  gsize               block_size;

  TandemJsonDocument *document;
  GError            **error;
} Parser;

/* Blocks double from the first size to the last; a list or object too
 * big for a quarter of a block gets a block of its own. */
#define FIRST_BLOCK_SIZE ((gsize) 16 * 1024)
#define LAST_BLOCK_SIZE  ((gsize) 4 * 1024 * 1024)

/* Objects with more members than this find names used twice with a hash
 * table, not by comparing each name with every other. */
#define SMALL_OBJECT 32

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The bytes that end a run of plain text in a string. */
static const guint8 string_stops[256] = {
  [0x00 ... 0x1f] = 1,
  ['"'] = 1,
  ['\\'] = 1,
};

/* ---- Errors ----------------------------------------------------------------------- */

/* Lines and columns from 1; columns in characters.  Everything before
 * @where is UTF-8. */
static void
find_position (const char *data,
               const char *where,
               gsize      *line,
               gsize      *column)
{
  const char *line_start = data;
  const char *newline;

  *line = 1;
  while ((newline = memchr (line_start, '\n', where - line_start)) != NULL)
    {
      (*line)++;
      line_start = newline + 1;
    }

  *column = 1;
  for (const char *c = line_start; c < where; c++)
    if (((guchar) *c & 0xc0) != 0x80)
      (*column)++;
}

static gboolean fail (Parser          *parser,
                      const char      *where,
                      TandemJsonError  code,
                      const char      *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Sets the error "line L, column C: WHAT" for @where.  Returns %FALSE. */
static gboolean
fail (Parser          *parser,
      const char      *where,
      TandemJsonError  code,
      const char      *format,
      ...)
{
  g_autofree char *what = NULL;
  g_autofree char *line_text = NULL;
  g_autofree char *column_text = NULL;
  gsize line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Numbers as text, so that translators see plain %s, not a macro. */
  find_position (parser->data, where, &line, &column);
  line_text = g_strdup_printf ("%" G_GSIZE_FORMAT, line);
  column_text = g_strdup_printf ("%" G_GSIZE_FORMAT, column);
  /* Translators: where in a JSON file, then what is wrong there */
  g_set_error (parser->error, TANDEM_JSON_ERROR, code, _("line %s, column %s: %s"), line_text, column_text, what);
  return FALSE;
}

static gboolean
fail_at_end (Parser *parser)
{
  return fail (parser, parser->end, TANDEM_JSON_ERROR_SYNTAX, _("unexpected end of the file"));
}

/* ---- Memory ----------------------------------------------------------------------- */

/* @size is a multiple of 8, so that blocks stay aligned. */
static gpointer
block_alloc (Parser *parser,
             gsize   size)
{
  gpointer memory;

  if (size > parser->block_left)
    {
      gsize next_size = MIN (parser->block_size * 2, LAST_BLOCK_SIZE);

      if (size > next_size / 4)
        {
          memory = g_malloc (size);
          g_ptr_array_add (parser->document->blocks, memory);
          return memory;
        }

      parser->block_size = next_size;
      parser->block = g_malloc (next_size);
      parser->block_left = next_size;
      g_ptr_array_add (parser->document->blocks, parser->block);
    }

  memory = parser->block;
  parser->block += size;
  parser->block_left -= size;
  return memory;
}

/* Keeps a slot for the next value. */
static void
push_slot (Parser     *parser,
           const char *name,
           guint32     hash)
{
  TandemJsonMember *slot;

  if (parser->stack_len == parser->stack_size)
    {
      parser->stack_size = MAX (64, parser->stack_size * 2);
      parser->stack = g_renew (TandemJsonMember, parser->stack, parser->stack_size);
    }

  slot = &parser->stack[parser->stack_len++];
  slot->name = name;
  slot->hash = hash;
  slot->value.type = TANDEM_JSON_NULL;
  slot->value.length = 0;
}

static guint32
hash_name (const char *name)
{
  guint32 hash = 2166136261u;   /* FNV-1a */

  for (const guchar *c = (const guchar *) name; *c != '\0'; c++)
    hash = (hash ^ *c) * 16777619u;

  return hash;
}

/* ---- Tokens ----------------------------------------------------------------------- */

static inline void
skip_space (Parser *parser)
{
  const char *p = parser->p;
  const char *end = parser->end;

  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;

  parser->p = p;
}

/* Skips text that needs no decoding, up to the first '"', '\\' or control
 * character, or to @end.  Eight bytes at a time while none is one. */
static inline const char *
skip_plain (const char *s,
            const char *end)
{
  while (end - s >= 8)
    {
      guint64 word, quote, backslash;

      memcpy (&word, s, 8);
      quote = word ^ (ONES * '"');
      backslash = word ^ (ONES * '\\');
      if ((((quote - ONES) & ~quote) |
           ((backslash - ONES) & ~backslash) |
           ((word - ONES * 0x20) & ~word)) & HIGHS)
        break;
      s += 8;
    }

  while (s < end && !string_stops[(guchar) *s])
    s++;

  return s;
}

/* The four hexadecimal digits after the "\u" at @escape. */
static gboolean
read_hex (Parser     *parser,
          const char *escape,
          const char *quote,
          gunichar   *c)
{
  *c = 0;
  for (guint i = 2; i < 6; i++)
    {
      int digit;

      if (escape + i == parser->end)
        return fail (parser, quote, TANDEM_JSON_ERROR_SYNTAX, _("unterminated string"));

      digit = g_ascii_xdigit_value (escape[i]);
      if (digit < 0)
        return fail (parser, escape, TANDEM_JSON_ERROR_SYNTAX,
                     _("“\\u” must be followed by four hexadecimal digits"));
      *c = *c * 16 + digit;
    }

  return TRUE;
}

static gboolean
fail_lone_surrogate (Parser     *parser,
                     const char *escape)
{
  return fail (parser, escape, TANDEM_JSON_ERROR_ENCODING,
               _("“\\u%.4s” is half of a UTF-16 surrogate pair, without the other half"), escape + 2);
}

/* "\u" and four digits at *@s, or two such escapes for a character beyond
 * U+FFFF, into *@out. */
static gboolean
decode_unicode (Parser      *parser,
                const char **s,
                char       **out,
                const char  *quote)
{
  const char *escape = *s;
  gunichar c, low;

  if (!read_hex (parser, escape, quote, &c))
    return FALSE;
  *s = escape + 6;

  if (c == 0)
    return fail (parser, escape, TANDEM_JSON_ERROR_UNSUPPORTED, _("text may not contain the character U+0000"));
  if (c >= 0xdc00 && c <= 0xdfff)
    return fail_lone_surrogate (parser, escape);

  if (c >= 0xd800 && c <= 0xdbff)
    {
      if (*s == parser->end || (**s == '\\' && *s + 1 == parser->end))
        return fail (parser, quote, TANDEM_JSON_ERROR_SYNTAX, _("unterminated string"));
      if ((*s)[0] != '\\' || (*s)[1] != 'u')
        return fail_lone_surrogate (parser, escape);
      if (!read_hex (parser, *s, quote, &low))
        return FALSE;
      if (low < 0xdc00 || low > 0xdfff)
        return fail_lone_surrogate (parser, escape);

      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      *s += 6;
    }

  *out += g_unichar_to_utf8 (c, *out);
  return TRUE;
}

/* The escape sequence at *@s, into *@out. */
static gboolean
decode_escape (Parser      *parser,
               const char **s,
               char       **out,
               const char  *quote)
{
  const char *escape = *s;
  char c;

  if (escape + 1 == parser->end)
    return fail (parser, quote, TANDEM_JSON_ERROR_SYNTAX, _("unterminated string"));

  switch (escape[1])
    {
    case '"':
    case '\\':
    case '/':
      c = escape[1];
      break;
    case 'b':
      c = '\b';
      break;
    case 'f':
      c = '\f';
      break;
    case 'n':
      c = '\n';
      break;
    case 'r':
      c = '\r';
      break;
    case 't':
      c = '\t';
      break;
    case 'u':
      return decode_unicode (parser, s, out, quote);
    default:
      if (g_ascii_isgraph (escape[1]))
        return fail (parser, escape, TANDEM_JSON_ERROR_SYNTAX, _("“\\%c” is not an escape sequence"), escape[1]);
      return fail (parser, escape, TANDEM_JSON_ERROR_SYNTAX, _("“\\” must be followed by an escape character"));
    }

  *(*out)++ = c;
  *s = escape + 2;
  return TRUE;
}

/* The string whose opening quote is at the parser's position: decoded
 * into the document's strings. */
static gboolean
parse_string (Parser      *parser,
              const char **text)
{
  const char *quote = parser->p;
  const char *s = quote + 1;
  char *out = parser->out;

  while (TRUE)
    {
      const char *run = s;

      s = skip_plain (s, parser->end);
      memcpy (out, run, s - run);
      out += s - run;

      if (s == parser->end)
        return fail (parser, quote, TANDEM_JSON_ERROR_SYNTAX, _("unterminated string"));
      if (*s == '"')
        break;
      if (*s != '\\')
        return fail (parser, s, TANDEM_JSON_ERROR_SYNTAX,
                     _("the control character U+%04X must be written as an escape sequence"), (guint) (guchar) *s);
      if (!decode_escape (parser, &s, &out, quote))
        return FALSE;
    }

  *out++ = '\0';
  *text = parser->out;
  parser->out = out;
  parser->p = s + 1;
  return TRUE;
}

/* Moves *@s past the '.', 'e', 'e+' or 'e-' there and the digits that
 * must follow. */
static gboolean
skip_digits (Parser      *parser,
             const char **s)
{
  const char *p = *s + 1;

  if (p == parser->end)
    return fail_at_end (parser);
  if (!g_ascii_isdigit (*p))
    return fail (parser, p, TANDEM_JSON_ERROR_SYNTAX, _("expected a digit"));

  while (p < parser->end && g_ascii_isdigit (*p))
    p++;

  *s = p;
  return TRUE;
}

/* A number that is not a gint64: its @length bytes at @start are not
 * followed by a NUL, so they are copied for g_ascii_strtod(). */
static gboolean
read_double (Parser         *parser,
             const char     *start,
             gsize           length,
             TandemJsonNode *node)
{
  g_autofree char *copy = NULL;
  char buffer[64];
  const char *text = buffer;

  if (length < sizeof buffer)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
    }
  else
    text = copy = g_strndup (start, length);

  node->type = TANDEM_JSON_DOUBLE;
  node->v.number = g_ascii_strtod (text, NULL);
  if (isinf (node->v.number))
    return fail (parser, start, TANDEM_JSON_ERROR_UNSUPPORTED, _("the number is too large"));

  return TRUE;
}

static gboolean
parse_number (Parser         *parser,
              TandemJsonNode *node)
{
  const char *start = parser->p;
  const char *s = start;
  const char *end = parser->end;
  gboolean negative = FALSE, whole = TRUE, too_big = FALSE;
  guint64 magnitude = 0;

  if (*s == '-')
    {
      negative = TRUE;
      if (++s == end)
        return fail_at_end (parser);
    }

  if (*s == '0')
    {
      if (++s < end && g_ascii_isdigit (*s))
        return fail (parser, start, TANDEM_JSON_ERROR_SYNTAX, _("numbers may not have leading zeros"));
    }
  else if (g_ascii_isdigit (*s))
    {
      for (; s < end && g_ascii_isdigit (*s); s++)
        {
          guint digit = *s - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            too_big = TRUE;
          else
            magnitude = magnitude * 10 + digit;
        }
    }
  else
    return fail (parser, s, TANDEM_JSON_ERROR_SYNTAX, _("expected a digit"));

  if (s < end && *s == '.')
    {
      whole = FALSE;
      if (!skip_digits (parser, &s))
        return FALSE;
    }
  if (s < end && (*s == 'e' || *s == 'E'))
    {
      whole = FALSE;
      if (s + 1 < end && (s[1] == '+' || s[1] == '-'))
        s++;
      if (!skip_digits (parser, &s))
        return FALSE;
    }
  parser->p = s;

  if (!whole || too_big || magnitude > (guint64) G_MAXINT64 + negative)
    return read_double (parser, start, s - start, node);

  node->type = TANDEM_JSON_INT;
  if (!negative)
    node->v.integer = magnitude;
  else if (magnitude == 0)
    node->v.integer = 0;
  else
    node->v.integer = -(gint64) (magnitude - 1) - 1;

  return TRUE;
}

/* true, false or null: @word, of @length bytes. */
static gboolean
parse_literal (Parser     *parser,
               const char *word,
               gsize       length)
{
  gsize left = parser->end - parser->p;

  if (memcmp (parser->p, word, MIN (left, length)) != 0)
    return fail (parser, parser->p, TANDEM_JSON_ERROR_SYNTAX, _("expected a value"));
  if (left < length)
    return fail_at_end (parser);

  parser->p += length;
  return TRUE;
}

/* ---- Lists and objects -------------------------------------------------------------- */

static gboolean
fail_used_twice (Parser     *parser,
                 const char *quote,
                 const char *name)
{
  g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 80));

  return fail (parser, quote, TANDEM_JSON_ERROR_UNSUPPORTED, _("the object has two members named “%s”"), shown);
}

/* Refuses a member name the object being read already has. */
static gboolean
check_name (Parser     *parser,
            const char *quote,
            const char *name,
            guint32     hash)
{
  Frame *frame = &parser->frames[parser->depth - 1];

  if (frame->names == NULL && parser->stack_len - frame->start < SMALL_OBJECT)
    {
      for (gsize i = frame->start; i < parser->stack_len; i++)
        if (parser->stack[i].hash == hash && strcmp (parser->stack[i].name, name) == 0)
          return fail_used_twice (parser, quote, name);

      return TRUE;
    }

  if (frame->names == NULL)
    {
      frame->names = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = frame->start; i < parser->stack_len; i++)
        g_hash_table_add (frame->names, (gpointer) parser->stack[i].name);
    }

  if (!g_hash_table_add (frame->names, (gpointer) name))
    return fail_used_twice (parser, quote, name);

  return TRUE;
}

/* A member's name and its ':', at the parser's position (past white
 * space); then a slot for its value. */
static gboolean
parse_member_name (Parser *parser)
{
  const char *quote = parser->p;
  const char *name;
  guint32 hash;

  if (*quote != '"')
    return fail (parser, quote, TANDEM_JSON_ERROR_SYNTAX, _("expected a member name in double quotes"));
  if (!parse_string (parser, &name))
    return FALSE;

  hash = hash_name (name);
  if (!check_name (parser, quote, name, hash))
    return FALSE;

  skip_space (parser);
  if (parser->p == parser->end)
    return fail_at_end (parser);
  if (*parser->p != ':')
    return fail (parser, parser->p, TANDEM_JSON_ERROR_SYNTAX, _("expected “:”"));
  parser->p++;

  push_slot (parser, name, hash);
  return TRUE;
}

/* Moves the values of the list or object that just ended from the stack
 * into a block, and the list or object into its slot. */
static gboolean
close_container (Parser *parser)
{
  Frame *frame = &parser->frames[--parser->depth];
  TandemJsonMember *first = parser->stack + frame->start;
  TandemJsonNode *node = &parser->stack[frame->start - 1].value;
  gsize n = parser->stack_len - frame->start;

  g_clear_pointer (&frame->names, g_hash_table_unref);
  if (n > G_MAXUINT32)
    return fail (parser, parser->p - 1, TANDEM_JSON_ERROR_UNSUPPORTED,
                 _("a list or object has more than 4294967295 values"));

  node->length = n;
  if (frame->is_object)
    {
      TandemJsonMember *members = n > 0 ? block_alloc (parser, n * sizeof *members) : NULL;

      if (n > 0)
        memcpy (members, first, n * sizeof *members);
      node->type = TANDEM_JSON_OBJECT;
      node->v.members = members;
    }
  else
    {
      TandemJsonNode *elements = n > 0 ? block_alloc (parser, n * sizeof *elements) : NULL;

      for (gsize i = 0; i < n; i++)
        elements[i] = first[i].value;
      node->type = TANDEM_JSON_ARRAY;
      node->v.elements = elements;
    }

  parser->stack_len = frame->start;
  return TRUE;
}

/* The '[' or '{' at the parser's position.  Unless the list or object is
 * empty, it then needs a value (after a member's name). */
static gboolean
open_container (Parser   *parser,
                gboolean *need_value)
{
  gboolean is_object = *parser->p == '{';
  char close = is_object ? '}' : ']';
  Frame *frame;

  if (parser->depth >= parser->max_depth)
    return fail (parser, parser->p, TANDEM_JSON_ERROR_TOO_DEEP,
                 _("lists and objects are nested more than %u deep"), parser->max_depth);

  if (parser->depth == parser->frames_size)
    {
      parser->frames_size = MAX (16, parser->frames_size * 2);
      parser->frames = g_renew (Frame, parser->frames, parser->frames_size);
    }
  frame = &parser->frames[parser->depth++];
  frame->start = parser->stack_len;
  frame->is_object = is_object;
  frame->names = NULL;

  parser->p++;
  skip_space (parser);
  if (parser->p == parser->end)
    return fail_at_end (parser);

  if (*parser->p == close)
    {
      parser->p++;
      *need_value = FALSE;
      return close_container (parser);
    }

  *need_value = TRUE;
  if (is_object)
    return parse_member_name (parser);

  push_slot (parser, NULL, 0);
  return TRUE;
}

/* The value for the newest slot. */
static gboolean
parse_value (Parser   *parser,
             gboolean *need_value)
{
  TandemJsonNode *node;

  skip_space (parser);
  if (parser->p == parser->end)
    return fail_at_end (parser);

  node = &parser->stack[parser->stack_len - 1].value;
  *need_value = FALSE;

  switch (*parser->p)
    {
    case '{':
    case '[':
      return open_container (parser, need_value);
    case '"':
      node->type = TANDEM_JSON_STRING;
      return parse_string (parser, &node->v.string);
    case 't':
      node->type = TANDEM_JSON_BOOLEAN;
      node->v.boolean = TRUE;
      return parse_literal (parser, "true", 4);
    case 'f':
      node->type = TANDEM_JSON_BOOLEAN;
      node->v.boolean = FALSE;
      return parse_literal (parser, "false", 5);
    case 'n':
      node->type = TANDEM_JSON_NULL;
      return parse_literal (parser, "null", 4);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (parser, node);
    default:
      return fail (parser, parser->p, TANDEM_JSON_ERROR_SYNTAX, _("expected a value"));
    }
}

/* After a value in a list or object: a ',' and what must follow it, or
 * the end of the list or object. */
static gboolean
parse_after_value (Parser   *parser,
                   gboolean *need_value)
{
  gboolean is_object = parser->frames[parser->depth - 1].is_object;
  char close = is_object ? '}' : ']';
  const char *comma;

  skip_space (parser);
  if (parser->p == parser->end)
    return fail_at_end (parser);

  if (*parser->p == close)
    {
      parser->p++;
      return close_container (parser);
    }

  if (*parser->p != ',')
    {
      if (is_object)
        return fail (parser, parser->p, TANDEM_JSON_ERROR_SYNTAX, _("expected “,” or “}”"));
      return fail (parser, parser->p, TANDEM_JSON_ERROR_SYNTAX, _("expected “,” or “]”"));
    }

  comma = parser->p++;
  skip_space (parser);
  if (parser->p == parser->end)
    return fail_at_end (parser);

  if (*parser->p == close)
    {
      if (is_object)
        return fail (parser, comma, TANDEM_JSON_ERROR_SYNTAX, _("trailing comma before “}”"));
      return fail (parser, comma, TANDEM_JSON_ERROR_SYNTAX, _("trailing comma before “]”"));
    }

  *need_value = TRUE;
  if (is_object)
    return parse_member_name (parser);

  push_slot (parser, NULL, 0);
  return TRUE;
}

static gboolean
parse_document (Parser *parser)
{
  gboolean need_value = TRUE;
  gboolean ok = TRUE;

  skip_space (parser);
  if (parser->p == parser->end)
    {
      if (parser->end == parser->data)
        return fail (parser, parser->end, TANDEM_JSON_ERROR_SYNTAX, _("the file is empty"));
      return fail (parser, parser->end, TANDEM_JSON_ERROR_SYNTAX, _("the file holds only white space"));
    }

  push_slot (parser, NULL, 0);
  while (ok && (need_value || parser->depth > 0))
    {
      if (need_value)
        ok = parse_value (parser, &need_value);
      else
        ok = parse_after_value (parser, &need_value);
    }
  if (!ok)
    return FALSE;

  skip_space (parser);
  if (parser->p != parser->end)
    return fail (parser, parser->p, TANDEM_JSON_ERROR_SYNTAX, _("expected the end of the file"));

  parser->document->root = parser->stack[0].value;
  return TRUE;
}

static gboolean
check_utf8 (Parser *parser)
{
  g_autofree char *offset = NULL;
  const char *invalid;
  gsize size = parser->end - parser->data;

  if (g_utf8_validate_len (parser->data, size, &invalid))
    return TRUE;

  offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (invalid - parser->data));
  if (*invalid == '\0')
    return fail (parser, invalid, TANDEM_JSON_ERROR_ENCODING, _("the file holds a NUL byte (at byte %s)"), offset);

  return fail (parser, invalid, TANDEM_JSON_ERROR_ENCODING, _("the file is not UTF-8 text (at byte %s)"), offset);
}

/* ---- Documents ---------------------------------------------------------------------- */

/**
 * tandem_json_document_parse:
 * @data: (array length=size): JSON text, UTF-8 without a byte-order mark
 * @size: its length in bytes; it needs no NUL at the end
 * @max_depth: how deeply lists and objects may nest: 1 allows one list or
 *   object holding no other, 0 only a number, string, true, false or null
 *
 * Parses one JSON value, with nothing but white space around it.
 *
 * Returns: (transfer full): the document, or %NULL with @error set in the
 *   %TANDEM_JSON_ERROR domain, its message "line L, column C: what is wrong"
 */
TandemJsonDocument *
tandem_json_document_parse (const char  *data,
                            gsize        size,
                            guint        max_depth,
                            GError     **error)
{
  g_autoptr(TandemJsonDocument) document = NULL;
  Parser parser = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";

  parser.data = parser.p = data;
  parser.end = data + size;
  parser.max_depth = max_depth;
  parser.block_size = FIRST_BLOCK_SIZE / 2;
  parser.error = error;

  if (!check_utf8 (&parser))
    return NULL;

  document = g_new0 (TandemJsonDocument, 1);
  document->strings = g_malloc (MAX (size, 1));
  document->blocks = g_ptr_array_new_with_free_func (g_free);
  parser.document = document;
  parser.out = document->strings;

  ok = parse_document (&parser);

  for (guint i = 0; i < parser.depth; i++)
    g_clear_pointer (&parser.frames[i].names, g_hash_table_unref);
  g_free (parser.frames);
  g_free (parser.stack);

  return ok ? g_steal_pointer (&document) : NULL;
}

void
tandem_json_document_free (TandemJsonDocument *document)
{
  if (document == NULL)
    return;

  g_ptr_array_unref (document->blocks);
  g_free (document->strings);
  g_free (document);
}

/**
 * tandem_json_document_get_root:
 *
 * Returns: (transfer none): the document's value, which lives as long as
 *   the document
 */
const TandemJsonNode *
tandem_json_document_get_root (TandemJsonDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return &document->root;
}

/* ---- Nodes ------------------------------------------------------------------------ */

TandemJsonType
tandem_json_node_get_node_type (const TandemJsonNode *node)
{
  g_return_val_if_fail (node != NULL, TANDEM_JSON_NULL);

  return node->type;
}

/**
 * tandem_json_node_holds:
 * @node: (nullable): a node, or %NULL, such as for a member that is absent
 *
 * Returns: whether @node is there and of @type
 */
gboolean
tandem_json_node_holds (const TandemJsonNode *node,
                        TandemJsonType        type)
{
  return node != NULL && node->type == type;
}

/**
 * tandem_json_node_get_string:
 *
 * Returns: (nullable): the text of a string, or %NULL for any other node
 */
const char *
tandem_json_node_get_string (const TandemJsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->type == TANDEM_JSON_STRING ? node->v.string : NULL;
}

/* The number of a %TANDEM_JSON_INT node; 0 for any other. */
gint64
tandem_json_node_get_int (const TandemJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  return node->type == TANDEM_JSON_INT ? node->v.integer : 0;
}

/* The number of a %TANDEM_JSON_INT or %TANDEM_JSON_DOUBLE node; 0 for any
 * other. */
double
tandem_json_node_get_double (const TandemJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  if (node->type == TANDEM_JSON_INT)
    return node->v.integer;
  if (node->type == TANDEM_JSON_DOUBLE)
    return node->v.number;

  return 0;
}

gboolean
tandem_json_node_get_boolean (const TandemJsonNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);

  return node->type == TANDEM_JSON_BOOLEAN && node->v.boolean;
}

/* The elements of a list or members of an object; 0 for any other node. */
guint
tandem_json_node_get_length (const TandemJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  if (node->type != TANDEM_JSON_ARRAY && node->type != TANDEM_JSON_OBJECT)
    return 0;

  return node->length;
}

/**
 * tandem_json_node_get_element:
 * @index: less than the list's length
 *
 * Returns: (nullable): an element of a list, or %NULL if @node is not a list
 */
const TandemJsonNode *
tandem_json_node_get_element (const TandemJsonNode *node,
                              guint                 index)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (node->type != TANDEM_JSON_ARRAY)
    return NULL;
  g_return_val_if_fail (index < node->length, NULL);

  return &node->v.elements[index];
}

/**
 * tandem_json_node_get_member_name:
 * @index: less than the object's length; members are in the file's order
 *
 * Returns: (nullable): a member's name, or %NULL if @node is not an object
 */
const char *
tandem_json_node_get_member_name (const TandemJsonNode *node,
                                  guint                 index)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (node->type != TANDEM_JSON_OBJECT)
    return NULL;
  g_return_val_if_fail (index < node->length, NULL);

  return node->v.members[index].name;
}

/**
 * tandem_json_node_get_member_value:
 * @index: less than the object's length; members are in the file's order
 *
 * Returns: (nullable): a member's value, or %NULL if @node is not an object
 */
const TandemJsonNode *
tandem_json_node_get_member_value (const TandemJsonNode *node,
                                   guint                 index)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (node->type != TANDEM_JSON_OBJECT)
    return NULL;
  g_return_val_if_fail (index < node->length, NULL);

  return &node->v.members[index].value;
}

/**
 * tandem_json_node_get_member:
 *
 * Looks a member up by comparing names one by one, which for the twenty
 * or so members of an object is quicker than a hash table would be.
 *
 * Returns: (nullable): the value of the member @name of an object, or
 *   %NULL if it has none or @node is not an object
 */
const TandemJsonNode *
tandem_json_node_get_member (const TandemJsonNode *node,
                             const char           *name)
{
  guint32 hash;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (node->type != TANDEM_JSON_OBJECT)
    return NULL;

  hash = hash_name (name);
  for (guint i = 0; i < node->length; i++)
    {
      const TandemJsonMember *member = &node->v.members[i];

      if (member->hash == hash && strcmp (member->name, name) == 0)
        return &member->value;
    }

  return NULL;
}
