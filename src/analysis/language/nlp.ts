import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One shared wink-nlp instance: loading the model takes ~100 ms, so it is done once per process. */
export const nlp = winkNLP(model);
export const its = nlp.its;
