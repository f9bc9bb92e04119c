namespace GuidelinesReview.Core.Text;

/// <summary>
/// The one rule for what any text field may hold, whoever sends it (hub, API or form): printable text
/// of any script, tabs and line breaks. Refused: the other C0 and C1 control characters (invisible,
/// able to reorder or hide what a reader sees, and not allowed in a Word document or XML) and lone
/// surrogates (half a character, from text cut in the middle of an emoji).
/// </summary>
public static class TypedText
{
    /// <summary>Why <paramref name="text"/> may not be saved as the field <paramref name="field"/>, or null.</summary>
    public static string? Check(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"The field {field} holds a broken character (a lone surrogate U+{(int)c:X4} at character {i + 1}); retype it or paste it again.";
            }
            else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return $"The field {field} contains an invisible control character (U+{(int)c:X4} at character {i + 1}); remove it and send it again.";
            }
        }

        return null;
    }
}
