// The grader's messages use the one bilingual type of src/text/.
export { joinText, pick, text, type Lang, type Text } from '../text/lang';
