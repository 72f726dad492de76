/**
 * The Message-IDs the site is built around, named once: the seed (Hurwitz's reply of 27 June
 * 2002 evening, the message the project was created from) and the question that opened the
 * thread that morning.
 */
export const SEED_ID = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
export const QUESTION_ID = 'Pine.LNX.4.44.0206271146280.9500-100000@alvie-mail.lanl.gov';
