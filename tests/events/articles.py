"""Articles of our own: three reports of one meeting (German and English) and two other meetings that day."""

from datetime import date

from dashboard.facts import Document

MONDAY = date(2025, 3, 11)  # a Tuesday: "am Montag"/"on Monday" is 2025-03-10

STUBB_EN = Document("stubb-en", "Trump met Finnish President Alexander Stubb at the White House on Monday to discuss Arctic security.",
                    title="Trump and Stubb", dct=MONDAY, lang="en")
STUBB_DE = Document("stubb-de", "US-Präsident Donald Trump hat am Montag den finnischen Präsidenten Alexander Stubb im Weißen Haus getroffen.",
                    title="Trump trifft Stubb", dct=MONDAY, lang="de")
STUBB_EN_LATER = Document("stubb-en-2", "Finland's Alexander Stubb said after meeting Donald Trump at the White House on March 10 that the talks went well.",
                          title="Stubb on Trump talks", dct=date(2025, 3, 14), lang="en")
RUBIO = Document("rubio", "Marco Rubio met Saudi Crown Prince Mohammed bin Salman in Riyadh on Monday.", title="Rubio in Riyadh", dct=MONDAY, lang="en")
ZELENSKY = Document("zelensky", "Trump met Ukrainian President Volodymyr Zelensky at the White House on Monday to discuss a ceasefire.",
                    title="Trump and Zelensky", dct=MONDAY, lang="en")
