/** One stress run, start to verdict, and how it is shown. */
package io.streamstress.runner.run;
